import type { User } from '../../shared/auth';
import type { CaseStatus, CaseView } from './types';

/** The case commands the console offers, each POST /api/cases/{id}/{command}. */
export type ActionKey =
  | 'accept'
  | 'cancel'
  | 'dispatch'
  | 'claim'
  | 'return'
  | 'resolve'
  | 'verify'
  | 'park'
  | 'reopen'
  | 'escalate'
  | 'whistle'
  | 'report-in'
  | 'extend'
  | 'supervise'
  | 'pause'
  | 'resume'
  | 'take-up';

export interface ActionSpec {
  key: ActionKey;
  label: string;
  /** States the command is allowed in (CaseCommand in case-service). */
  states: CaseStatus[];
  /** Who may: area staff, the assignee, staff or grid workers, a summoned department. */
  who: 'staff' | 'assignee' | 'verifier' | 'summoned' | 'staff-or-assignee';
  danger?: boolean;
}

const OPEN_WORK: CaseStatus[] = ['ACCEPTED', 'DISPATCHED', 'CLAIMED', 'RESOLVED'];

export const ACTIONS: ActionSpec[] = [
  { key: 'accept', label: '立案', states: ['REPORTED'], who: 'staff' },
  { key: 'dispatch', label: '派遣', states: ['ACCEPTED', 'RETURNED', 'REOPENED'], who: 'staff' },
  { key: 'claim', label: '接单', states: ['DISPATCHED'], who: 'assignee' },
  { key: 'resolve', label: '办结', states: ['CLAIMED'], who: 'assignee' },
  { key: 'return', label: '退回', states: ['DISPATCHED', 'CLAIMED'], who: 'assignee', danger: true },
  { key: 'verify', label: '核查', states: ['RESOLVED'], who: 'verifier' },
  { key: 'whistle', label: '吹哨', states: ['ACCEPTED', 'DISPATCHED', 'CLAIMED', 'RETURNED', 'REOPENED'], who: 'staff' },
  { key: 'report-in', label: '报到', states: ['ACCEPTED', 'DISPATCHED', 'CLAIMED', 'RESOLVED', 'RETURNED', 'REOPENED'], who: 'summoned' },
  { key: 'escalate', label: '上报上级', states: ['ACCEPTED', 'DISPATCHED', 'CLAIMED', 'RESOLVED', 'RETURNED', 'REOPENED'], who: 'verifier' },
  { key: 'extend', label: '延时', states: OPEN_WORK, who: 'staff' },
  { key: 'supervise', label: '督办', states: ['REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'RESOLVED', 'RETURNED', 'REOPENED', 'PARKED'], who: 'staff' },
  { key: 'pause', label: '暂停计时', states: OPEN_WORK, who: 'staff-or-assignee' },
  { key: 'resume', label: '恢复计时', states: OPEN_WORK, who: 'staff-or-assignee' },
  { key: 'park', label: '挂起', states: ['ACCEPTED', 'RETURNED', 'REOPENED'], who: 'staff', danger: true },
  { key: 'reopen', label: '重新办理', states: ['CLOSED'], who: 'staff', danger: true },
  { key: 'cancel', label: '作废', states: ['REPORTED', 'ACCEPTED'], who: 'staff', danger: true },
  // 销账恢复: a parked case taken up again, back to 已立案 with a fresh respond limit.
  { key: 'take-up', label: '销账恢复', states: ['PARKED'], who: 'staff' },
];

const STAFF = ['community_staff', 'street_staff', 'district_admin', 'platform_admin'];

export function isAssignee(aCase: Pick<CaseView, 'assignee'>, user: User): boolean {
  const assignee = aCase.assignee;
  if (!assignee) {
    return false;
  }
  if (assignee.kind === 'DEPARTMENT') {
    return user.roles.includes('department_staff') && assignee.id === user.departmentId;
  }
  return assignee.id === user.id;
}

/**
 * The commands to offer for this case and user. The API decides in the end (a level above for
 * extend and supervise, the case's area for staff); this only keeps the page from offering what
 * the state or the user's roles can never allow.
 */
export function availableActions(aCase: CaseView, user: User): ActionSpec[] {
  const staff = user.roles.some((r) => STAFF.includes(r));
  const assignee = isAssignee(aCase, user);
  return ACTIONS.filter((action) => {
    if (!action.states.includes(aCase.status)) {
      return false;
    }
    if (action.key === 'pause' && aCase.waitingForResident) {
      return false;
    }
    if (action.key === 'resume' && !aCase.waitingForResident) {
      return false;
    }
    if (action.key === 'supervise' && aCase.supervised) {
      return false;
    }
    switch (action.who) {
      case 'staff':
        return staff;
      case 'assignee':
        return assignee;
      case 'verifier':
        return staff || user.roles.includes('grid_worker');
      case 'summoned':
        return (
          user.roles.includes('department_staff') &&
          aCase.summons.some((s) => s.departmentId === user.departmentId && !s.reportedIn)
        );
      case 'staff-or-assignee':
        return staff || assignee;
    }
  });
}
