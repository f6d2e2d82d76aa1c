import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../shared/auth';
import { ConsultationCard, type ConsultationView } from './ConsultationCard';
import { SessionContext } from './model/session';
import type { CaseView } from './model/types';

const aCase = { id: 'case-1', status: 'ACCEPTED' } as CaseView;

const held: ConsultationView = {
  id: 'c1',
  caseId: 'case-1',
  view: 'STAFF',
  format: 'SMALL_STOOL',
  topic: '6号楼前垃圾桶点位调整',
  startsAt: '2026-11-25T01:00:00Z',
  place: '6号楼前空地',
  status: 'HELD',
  version: 2,
  invited: [
    { kind: 'DEPARTMENT', id: 'dept-housing', label: '区住建局' },
    { kind: 'PROPERTY_COMPANY', id: 'partner-wuye', label: '城南物业' },
  ],
  attended: [{ kind: 'PROPERTY_COMPANY', id: 'partner-wuye', label: '城南物业' }],
  minutes: '物业同意移至东侧',
  parts: [],
};

let calls: { url: string; init?: RequestInit }[];
let listed: ConsultationView[];

beforeEach(() => {
  calls = [];
  listed = [held];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify(init?.method === 'POST' ? held : listed), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function card(roles: string[]) {
  const session = { hasRole: (role: string) => roles.includes(role), token: () => 'token' } as unknown as Session;
  render(
    <SessionContext.Provider value={session}>
      <ConsultationCard aCase={aCase} />
    </SessionContext.Provider>,
  );
}

describe('ConsultationCard', () => {
  it('shows a held consultation with who came and its minutes, and lets staff record the decision', async () => {
    card(['community_staff']);

    expect(await screen.findByText('6号楼前垃圾桶点位调整', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('物业同意移至东侧')).toBeTruthy();
    expect(screen.getByRole('button', { name: '形成决议' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '召集协商' })).toBeTruthy();
  });

  it('shows the decision first and offers no commands to a department', async () => {
    listed = [{ ...held, status: 'DECIDED', decision: '垃圾桶移至东侧空地', parts: [{ partId: '1', task: '搬移', carriedOutBy: held.invited![1], done: false }] }];
    card(['department_staff']);

    expect(await screen.findByText('垃圾桶移至东侧空地', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '召集协商' })).toBeNull();
    expect(screen.queryByRole('button', { name: '派单' })).toBeNull();
  });

  it('posts the decision with the version seen and each part carried by a party at the table', async () => {
    card(['community_staff']);
    fireEvent.click(await screen.findByRole('button', { name: '形成决议' }, { timeout: 5000 }));
    fireEvent.change(await screen.findByLabelText('决议（居民可见）'), { target: { value: '移至东侧' } });
    fireEvent.change(screen.getByPlaceholderText('事项'), { target: { value: '搬移垃圾桶' } });
    fireEvent.mouseDown(screen.getAllByRole('combobox').at(-1)!);
    fireEvent.click(await screen.findByTitle('物业企业 · 城南物业'));
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));

    await waitFor(() => expect(calls.some((c) => c.init?.method === 'POST')).toBe(true), { timeout: 5000 });
    const post = calls.find((c) => c.init?.method === 'POST')!;
    expect(post.url).toContain('/api/cases/case-1/consultations/c1/decide');
    expect(JSON.parse(String(post.init!.body))).toEqual({
      version: 2,
      decision: '移至东侧',
      parts: [{ task: '搬移垃圾桶', carriedOutBy: { kind: 'PROPERTY_COMPANY', id: 'partner-wuye', label: '城南物业' } }],
    });
  }, 60_000);
});
