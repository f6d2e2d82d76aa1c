import { allPages } from '../../shared/pages';
import type { AssigneeKind, CaseView } from './types';

/** One choosable dispatch target, as the API names it (assignee id) and as people read it. */
export interface Target {
  value: string;
  label: string;
  /**
   * What the case keeps as the assignee's displayName when it differs from the label: a grid
   * worker's post and grid, never their name (the case's events carry the displayName, and names
   * are personal data that stays in grid-service).
   */
  assigneeName?: string;
}

interface Department {
  code: string;
  name: string;
  active: boolean;
}

interface Member {
  id: string;
  name: string;
  userId?: string;
  status?: string;
  unitPath?: string;
}

interface StaffAssignment {
  id: string;
  gridCode: string;
  userId: string;
  role: string;
  post?: string;
  active: boolean;
  /** The person's name, in full or masked (陈*) as grid-service lets the caller see it; absent if never given. */
  name?: string;
  nameMasked?: boolean;
}

const STAFF_ROLE_LABELS: Record<string, string> = {
  FULL_TIME_WORKER: '专职网格员',
  PART_TIME_WORKER: '兼职网格员',
  GRID_LEADER: '网格长',
};

/**
 * Departments from org-service (active ones): a picker offers every one, so every page of the list
 * is read (org-service answers departments a page at a time, by code).
 */
export async function departments(): Promise<Target[]> {
  const list = await allPages<Department>('/api/departments');
  return list.filter((d) => d.active).map((d) => ({ value: d.code, label: d.name }));
}

/** Party members of the case's community who have an account (only they can claim a case). */
export async function partyMembers(aCase: Pick<CaseView, 'communityId' | 'orgPath'>): Promise<Target[]> {
  const unitCode = aCase.communityId ?? aCase.orgPath.split('/').pop();
  const members = await allPages<Member>('/api/members', { unitCode, subtree: true });
  return members
    .filter((m) => m.userId && (m.status === undefined || m.status === 'ACTIVE'))
    .map((m) => ({ value: m.userId!, label: m.name }));
}

/**
 * The grid workers on duty in the case's grid and the grid it lies in (grid-service), by name where
 * the caller may see it (a community's staff; street and district staff see the surname only).
 */
export async function gridWorkers(aCase: Pick<CaseView, 'gridCode'>): Promise<Target[]> {
  if (!aCase.gridCode) {
    return [];
  }
  const codes = [aCase.gridCode];
  if (aCase.gridCode.length > 15) {
    codes.push(aCase.gridCode.slice(0, 15));
  }
  const lists = await Promise.all(
    codes.map((code) =>
      allPages<StaffAssignment>(`/api/grids/${code}/staff`)
        .catch(() => [] as StaffAssignment[]),
    ),
  );
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const assignment of lists.flat()) {
    if (!assignment.active || seen.has(assignment.userId)) {
      continue;
    }
    seen.add(assignment.userId);
    const role = STAFF_ROLE_LABELS[assignment.role] ?? '网格员';
    const post = `${role} · 网格 ${assignment.gridCode}`;
    const who = assignment.name ?? `账号尾号 ${assignment.userId.slice(-4)}`;
    targets.push({ value: assignment.userId, label: `${who} · ${post}`, assigneeName: post });
  }
  return targets;
}

export function targetsFor(kind: AssigneeKind, aCase: Pick<CaseView, 'gridCode' | 'communityId' | 'orgPath'>): Promise<Target[]> {
  switch (kind) {
    case 'DEPARTMENT':
      return departments();
    case 'PARTY_MEMBER':
      return partyMembers(aCase);
    case 'GRID_WORKER':
      return gridWorkers(aCase);
  }
}
