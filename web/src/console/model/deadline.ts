import type { CaseStatus, CaseView, Deadlines, HistoryEntry } from './types';

export type Stage = 'RESPOND' | 'RESOLVE' | 'VERIFY';

/**
 * How far a stage's time limit is used up, as the SLA scanner counts it: below half green, from
 * half amber, from three quarters red, past the deadline overdue.
 */
export type DeadlineLevel = 'green' | 'amber' | 'red' | 'overdue';

export const LEVEL_COLORS: Record<DeadlineLevel, string> = {
  green: '#389e0d',
  amber: '#d48806',
  red: '#cf1322',
  overdue: '#820014',
};

export interface DeadlineState {
  level: DeadlineLevel;
  /** Share of the limit used, 0 at the start, 1 at the deadline (more when overdue). */
  used: number;
  /** Milliseconds until the deadline; negative when overdue. */
  left: number;
}

export function deadlineState(start: Date, deadline: Date, now: Date): DeadlineState {
  const left = deadline.getTime() - now.getTime();
  const total = deadline.getTime() - start.getTime();
  const used = total > 0 ? (now.getTime() - start.getTime()) / total : left > 0 ? 0 : 1;
  let level: DeadlineLevel = 'green';
  if (left <= 0) {
    level = 'overdue';
  } else if (used >= 0.75) {
    level = 'red';
  } else if (used >= 0.5) {
    level = 'amber';
  }
  return { level, used: Math.max(0, used), left };
}

/** The stage whose clock runs in this state (the workflow in docs/case-service.md), if any. */
export function runningStage(status: CaseStatus): Stage | undefined {
  switch (status) {
    case 'ACCEPTED':
    case 'DISPATCHED':
    case 'RETURNED':
    case 'REOPENED':
      return 'RESPOND';
    case 'CLAIMED':
      return 'RESOLVE';
    case 'RESOLVED':
      return 'VERIFY';
    default:
      return undefined;
  }
}

export function deadlineOf(deadlines: Deadlines | undefined, stage: Stage): Date | undefined {
  const value =
    stage === 'RESPOND' ? deadlines?.respondBy : stage === 'RESOLVE' ? deadlines?.resolveBy : deadlines?.verifyBy;
  return value ? new Date(value) : undefined;
}

/**
 * When each stage's current run started, read from the history: RESPOND at accept (again at a
 * dispatch after a return or a reopen), RESOLVE at claim, VERIFY at resolve.
 */
export function stageStarts(history: HistoryEntry[]): Partial<Record<Stage, Date>> {
  const starts: Partial<Record<Stage, Date>> = {};
  for (const entry of [...history].sort((a, b) => a.version - b.version)) {
    const action = entry.action.toUpperCase();
    if (action === 'ACCEPT' || (action === 'DISPATCH' && (entry.from === 'RETURNED' || entry.from === 'REOPENED'))) {
      starts.RESPOND = new Date(entry.at);
      delete starts.RESOLVE;
      delete starts.VERIFY;
    } else if (action === 'CLAIM') {
      starts.RESOLVE = new Date(entry.at);
    } else if (action === 'RESOLVE') {
      starts.VERIFY = new Date(entry.at);
    }
  }
  return starts;
}

/**
 * The running stage's state for a case: from the stage start and deadline the API gives every case
 * (`currentStage`, in lists too), so a list colours a case claimed yesterday from the claim, not from
 * the report. Without it (an older answer) the start comes from the history when the caller has it,
 * else the report time, which counts more of the limit as used than has been (never less). A paused
 * stage has no deadline while it waits for the resident: no state.
 */
export function caseDeadline(
  aCase: Pick<CaseView, 'status' | 'deadlines' | 'reportedAt'> & Partial<Pick<CaseView, 'currentStage'>>,
  now: Date,
  starts: Partial<Record<Stage, Date>> = {},
): (DeadlineState & { stage: Stage; deadline: Date }) | undefined {
  const current = aCase.currentStage;
  if (current) {
    if (!current.startedAt || !current.deadline) {
      return undefined;
    }
    const deadline = new Date(current.deadline);
    return { stage: current.stage, deadline, ...deadlineState(new Date(current.startedAt), deadline, now) };
  }
  const stage = runningStage(aCase.status);
  const deadline = stage && deadlineOf(aCase.deadlines, stage);
  if (!stage || !deadline) {
    return undefined;
  }
  const start = starts[stage] ?? new Date(aCase.reportedAt);
  return { stage, deadline, ...deadlineState(start, deadline, now) };
}

/** "2天3小时", "45分钟": the time left or past, in Chinese. */
export function durationText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) {
    return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  }
  if (hours > 0) {
    return rest > 0 ? `${hours}小时${rest}分钟` : `${hours}小时`;
  }
  return `${rest}分钟`;
}

export function leftText(state: DeadlineState): string {
  return state.left > 0 ? `剩余${durationText(state.left)}` : `超时${durationText(state.left)}`;
}
