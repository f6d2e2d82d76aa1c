import { describe, expect, it } from 'vitest';
import { caseDeadline, deadlineState, durationText, leftText, stageStarts } from './deadline';

const start = new Date('2026-12-01T08:00:00Z');
const deadline = new Date('2026-12-01T12:00:00Z'); // a 4 h limit
const at = (hh: string) => new Date(`2026-12-01T${hh}:00Z`);

describe('deadlineState', () => {
  it('is green below half of the limit', () => {
    expect(deadlineState(start, deadline, at('09:59')).level).toBe('green');
  });

  it('turns amber at half of the limit', () => {
    expect(deadlineState(start, deadline, at('10:00')).level).toBe('amber');
    expect(deadlineState(start, deadline, at('10:59')).level).toBe('amber');
  });

  it('turns red at three quarters of the limit', () => {
    expect(deadlineState(start, deadline, at('11:00')).level).toBe('red');
    expect(deadlineState(start, deadline, at('11:59')).level).toBe('red');
  });

  it('is overdue at the deadline and after it', () => {
    expect(deadlineState(start, deadline, at('12:00')).level).toBe('overdue');
    const late = deadlineState(start, deadline, at('13:30'));
    expect(late.level).toBe('overdue');
    expect(leftText(late)).toBe('超时1小时30分钟');
  });

  it('says the time left in Chinese', () => {
    expect(leftText(deadlineState(start, deadline, at('09:15')))).toBe('剩余2小时45分钟');
    expect(durationText(26 * 3600_000)).toBe('1天2小时');
  });
});

describe('caseDeadline', () => {
  const claimed = {
    status: 'CLAIMED' as const,
    reportedAt: '2026-12-01T06:00:00Z',
    deadlines: { respondBy: '2026-12-01T10:00:00Z', resolveBy: '2026-12-01T12:00:00Z' },
  };

  it('follows the stage that runs in the state', () => {
    const state = caseDeadline(claimed, at('09:00'), { RESOLVE: start });
    expect(state?.stage).toBe('RESOLVE');
    expect(state?.level).toBe('green');
  });

  it('in a list, counts from the report, so it warns no later than the real clock', () => {
    // From 06:00 to 12:00, 09:00 is half way: amber, where the claim at 08:00 would still be green.
    expect(caseDeadline(claimed, at('09:00'))?.level).toBe('amber');
  });

  it('counts from the current stage the API gives, not from the report', () => {
    // Reported 06:00, claimed 08:00, due 12:00: at 09:00 a quarter is used, green.
    const state = caseDeadline(
      { ...claimed, currentStage: { stage: 'RESOLVE', limit: '4h', startedAt: '2026-12-01T08:00:00Z', deadline: '2026-12-01T12:00:00Z', allowedMinutes: 240, usedMinutes: 60, usedPercent: 25, overdue: false } },
      at('09:00'),
    );
    expect(state?.stage).toBe('RESOLVE');
    expect(state?.used).toBeCloseTo(0.25);
    expect(state?.level).toBe('green');
  });

  it('takes the stage and deadline from the API over the status and the deadlines', () => {
    // An extension moved the deadline past the one in the deadlines the events carried.
    const state = caseDeadline(
      { ...claimed, currentStage: { stage: 'RESOLVE', limit: '4h', extensions: ['2h'], startedAt: '2026-12-01T08:00:00Z', deadline: '2026-12-01T14:00:00Z', allowedMinutes: 360, usedMinutes: 240, usedPercent: 66, overdue: false } },
      at('12:30'),
    );
    expect(state?.deadline.toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(state?.level).toBe('red');
  });

  it('has no state while the stage is paused for the resident', () => {
    const paused = { stage: 'RESOLVE' as const, limit: '4h', startedAt: '2026-12-01T08:00:00Z', deadline: null, pausedSince: '2026-12-01T08:30:00Z', allowedMinutes: 240, usedMinutes: 30, usedPercent: 12, overdue: false };
    expect(caseDeadline({ ...claimed, currentStage: paused }, at('09:00'))).toBeUndefined();
  });

  it('has no deadline once the case is closed', () => {
    expect(caseDeadline({ ...claimed, status: 'CLOSED' }, at('09:00'))).toBeUndefined();
  });
});

describe('stageStarts', () => {
  it('takes each stage from the history and restarts them after a return', () => {
    const starts = stageStarts([
      { version: 2, action: 'ACCEPT', at: '2026-12-01T08:00:00Z' },
      { version: 3, action: 'DISPATCH', from: 'ACCEPTED', at: '2026-12-01T08:10:00Z' },
      { version: 4, action: 'CLAIM', at: '2026-12-01T08:30:00Z' },
      { version: 5, action: 'RETURN', at: '2026-12-01T09:00:00Z' },
      { version: 6, action: 'DISPATCH', from: 'RETURNED', at: '2026-12-01T09:30:00Z' },
    ]);
    expect(starts.RESPOND?.toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(starts.RESOLVE).toBeUndefined();
  });
});
