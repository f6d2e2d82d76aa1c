import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestBody } from '../components/ActionForms';
import type { CaseView } from './types';
import { gridWorkers } from './directory';

const staff = [
  { id: 'a1', gridCode: '320812001001001', userId: 'u-0001-chen', role: 'FULL_TIME_WORKER', post: 'POST_A', active: true, name: '陈明', nameMasked: false },
  { id: 'a2', gridCode: '320812001001001', userId: 'u-0002-wang', role: 'PART_TIME_WORKER', active: true },
  { id: 'a3', gridCode: '320812001001001', userId: 'u-0003-gone', role: 'FULL_TIME_WORKER', active: false, name: '李四' },
];

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    // grid-service answers a grid's staff as a page (items, page, size, totalItems)
    vi.fn(async () => new Response(JSON.stringify({ items: staff, page: 0, size: 500, totalItems: staff.length }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    })),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('gridWorkers', () => {
  it('lists the grid workers on duty by name, and by account where grid-service has no name', async () => {
    const targets = await gridWorkers({ gridCode: '320812001001001' });
    expect(targets.map((t) => t.label)).toEqual([
      '陈明 · 专职网格员 · 网格 320812001001001',
      '账号尾号 wang · 兼职网格员 · 网格 320812001001001',
    ]);
  });

  it('keeps the name out of what the case records: the dispatch names the post and grid', async () => {
    const targets = await gridWorkers({ gridCode: '320812001001001' });
    const body = requestBody('dispatch', { kind: 'GRID_WORKER', target: 'u-0001-chen' }, { version: 3 } as CaseView, targets);
    expect(body.assignee).toEqual({ kind: 'GRID_WORKER', id: 'u-0001-chen', displayName: '专职网格员 · 网格 320812001001001' });
    expect(JSON.stringify(body)).not.toContain('陈明');
  });
});
