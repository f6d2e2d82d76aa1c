import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIONS, type ActionKey } from '../model/actions';
import type { CaseView } from '../model/types';
import { ActionDialog, requestBody } from './ActionForms';

const aCase: CaseView = {
  id: 'case-1',
  number: 'GR-20261203-000001',
  status: 'ACCEPTED',
  categoryCode: 'EXPOSED_RUBBISH',
  description: '垃圾堆积',
  channel: 'RESIDENT_APP',
  level: 'COMMUNITY',
  orgPath: '/qjp/qjp-pulou/qjp-pulou-chengnan',
  located: true,
  gridCode: '320812001001001',
  reportedAt: '2026-12-03T01:00:00Z',
  emergency: false,
  waitingForResident: false,
  supervised: false,
  overdue: false,
  summons: [],
  reportedByCaller: false,
  version: 3,
};

const action = (key: ActionKey) => ACTIONS.find((a) => a.key === key)!;

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

let calls: { url: string; init?: RequestInit }[];
let answer: (url: string, init?: RequestInit) => Response;

beforeEach(() => {
  calls = [];
  answer = () => json(200, { ...aCase, version: 4 });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return answer(url, init);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const posted = () => calls.filter((c) => c.init?.method === 'POST');

function dialog(key: ActionKey, overrides: Partial<CaseView> = {}) {
  const onDone = vi.fn();
  const onReload = vi.fn();
  render(<ActionDialog action={action(key)} aCase={{ ...aCase, ...overrides }} onDone={onDone} onClose={() => {}} onReload={onReload} />);
  return { onDone, onReload };
}

describe('ActionDialog', () => {
  it('does not resolve without a note, and says what is missing', async () => {
    dialog('resolve', { status: 'CLAIMED' });
    await userEvent.click(screen.getByRole('button', { name: /确定办结/ }));
    expect(await screen.findByText('请填写办结说明')).toBeTruthy();
    expect(posted()).toHaveLength(0);
  });

  it('resolves with the note and the version the user saw', async () => {
    const { onDone } = dialog('resolve', { status: 'CLAIMED' });
    await userEvent.type(screen.getByLabelText('办结说明'), '已清运完毕');
    await userEvent.click(screen.getByRole('button', { name: /确定办结/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(posted()[0].url).toBe('/api/cases/case-1/resolve');
    expect(JSON.parse(String(posted()[0].init?.body))).toEqual({ version: 3, note: '已清运完毕' });
  });

  it('dispatches to a department chosen from the list org-service gives', async () => {
    const list = [
      { code: 'dept-housing', name: '住建局', active: true },
      { code: 'dept-urban', name: '城管局', active: true },
      { code: 'dept-old', name: '已撤销部门', active: false },
    ];
    // org-service answers departments as a page (items, page, size, totalItems)
    answer = (url) =>
      url.startsWith('/api/departments?')
        ? json(200, { items: list, page: 0, size: 500, totalItems: list.length })
        : json(200, { ...aCase, status: 'DISPATCHED', version: 4 });
    const { onDone } = dialog('dispatch');
    await userEvent.click(screen.getByRole('combobox', { name: '派遣对象' }));
    const housing = await screen.findByTitle('住建局');
    expect(screen.getByTitle('城管局')).toBeTruthy();
    expect(screen.queryByTitle('已撤销部门')).toBeNull();
    await userEvent.click(housing);
    await userEvent.click(screen.getByRole('button', { name: /确定派遣/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(JSON.parse(String(posted()[0].init?.body))).toEqual({
      version: 3,
      assignee: { kind: 'DEPARTMENT', id: 'dept-housing', displayName: '住建局' },
    });
  });

  it('shows a refusal in plain Chinese and keeps the form open', async () => {
    answer = () =>
      json(409, { type: 'urn:grassroots:problem:invalid-state', status: 409, detail: 'Case is CLOSED: cancel is not allowed' }, 'application/problem+json');
    const { onDone } = dialog('cancel');
    await userEvent.type(screen.getByLabelText('作废原因'), '重复上报');
    await userEvent.click(screen.getByRole('button', { name: /确定作废/ }));
    const alert = await screen.findByTestId('action-refusal');
    expect(alert.textContent).toContain('当前状态下不能进行此操作');
    expect(alert.textContent).toContain('Case is CLOSED');
    expect(within(alert).queryByRole('button', { name: '重新加载案件' })).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('names the invalid field of a validation problem', async () => {
    answer = () =>
      json(400, { type: 'urn:grassroots:problem:validation', status: 400, errors: [{ field: 'reason', reason: 'must not be blank' }] }, 'application/problem+json');
    dialog('park');
    await userEvent.type(screen.getByLabelText('挂起原因'), '等待');
    await userEvent.click(screen.getByRole('button', { name: /确定挂起/ }));
    expect((await screen.findByTestId('action-refusal')).textContent).toContain('「原因」不能为空');
  });

  it('offers a reload when someone else changed the case meanwhile', async () => {
    answer = () => json(409, { type: 'urn:grassroots:problem:version-conflict', status: 409, detail: 'version 3 is stale' }, 'application/problem+json');
    const { onReload } = dialog('accept', { status: 'REPORTED' });
    await userEvent.click(screen.getByRole('button', { name: /确定立案/ }));
    const alert = await screen.findByTestId('action-refusal');
    expect(alert.textContent).toContain('他人刚刚修改了此案件');
    await userEvent.click(within(alert).getByRole('button', { name: '重新加载案件' }));
    expect(onReload).toHaveBeenCalled();
  });
});

describe('requestBody', () => {
  it('writes an extension as the API reads it', () => {
    expect(requestBody('extend', { amount: 2, unit: 'd', reason: '需协调物业', stage: 'RESOLVE' }, aCase, [])).toEqual({
      version: 3,
      extension: '2d',
      stage: 'RESOLVE',
      reason: '需协调物业',
    });
  });

  it('sends the verification result', () => {
    expect(requestBody('verify', { passed: false, note: '仍有垃圾' }, aCase, [])).toEqual({ version: 3, passed: false, note: '仍有垃圾' });
  });
});
