import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestBody } from '../components/ActionForms';
import type { CaseView } from './types';
import { departments, gridWorkers } from './directory';

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

describe('departments', () => {
  it('reads every page of org-service\'s departments for the picker, and offers the active ones', async () => {
    const all = Array.from({ length: 502 }, (_, i) => ({
      code: `dept-${String(i).padStart(3, '0')}`,
      name: `部门 ${i}`,
      active: i !== 501,
    }));
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        asked.push(url);
        const query = new URLSearchParams(url.split('?')[1]);
        const page = Number(query.get('page'));
        const size = Number(query.get('size'));
        const items = all.slice(page * size, (page + 1) * size);
        return new Response(JSON.stringify({ items, page, size, totalItems: all.length }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );

    const targets = await departments();

    expect(asked).toEqual(['/api/departments?page=0&size=500', '/api/departments?page=1&size=500']);
    expect(targets).toHaveLength(501);
    expect(new Set(targets.map((t) => t.value)).size).toBe(501);
    expect(targets[500]).toEqual({ value: 'dept-500', label: '部门 500' });
    expect(targets.some((t) => t.value === 'dept-501')).toBe(false);
  });
});
