import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeadlineTag } from './StatusTag';

const now = new Date('2026-12-01T10:30:00Z');
const claimed = (resolveBy: string) => ({
  status: 'CLAIMED' as const,
  reportedAt: '2026-12-01T08:00:00Z',
  deadlines: { resolveBy },
});

describe('DeadlineTag', () => {
  it.each([
    ['2026-12-01T14:00:00Z', 'green', '正常'],
    ['2026-12-01T12:00:00Z', 'amber', '已过半'],
    ['2026-12-01T11:00:00Z', 'red', '临近超时'],
    ['2026-12-01T10:00:00Z', 'overdue', '已超时'],
  ])('with the resolve deadline at %s it is %s', (resolveBy, level, text) => {
    const { container } = render(<DeadlineTag aCase={claimed(resolveBy)} now={now} />);
    const tag = container.querySelector('[data-level]');
    expect(tag?.getAttribute('data-level')).toBe(level);
    expect(tag?.textContent).toContain(text);
  });

  it.each([
    ['2026-12-01T10:00:00Z', '2026-12-01T14:00:00Z', 'green'],
    ['2026-12-01T09:00:00Z', '2026-12-01T12:00:00Z', 'amber'],
    ['2026-12-01T08:00:00Z', '2026-12-01T11:00:00Z', 'red'],
  ])('in a list, a stage started at %s and due %s is %s, whenever the case was reported', (startedAt, deadline, level) => {
    const aCase = {
      ...claimed(deadline),
      reportedAt: '2026-11-28T08:00:00Z',
      currentStage: { stage: 'RESOLVE' as const, limit: '1d', startedAt, deadline, allowedMinutes: 450, usedMinutes: 0, usedPercent: 0, overdue: false },
    };
    const { container } = render(<DeadlineTag aCase={aCase} now={now} />);
    expect(container.querySelector('[data-level]')?.getAttribute('data-level')).toBe(level);
  });

  it('says a paused time limit is paused rather than counting down', () => {
    const aCase = {
      ...claimed('2026-12-01T14:00:00Z'),
      currentStage: { stage: 'RESOLVE' as const, limit: '1d', startedAt: '2026-12-01T09:00:00Z', deadline: null, pausedSince: '2026-12-01T10:00:00Z', allowedMinutes: 450, usedMinutes: 60, usedPercent: 13, overdue: false },
    };
    const { container } = render(<DeadlineTag aCase={aCase} now={now} />);
    expect(container.querySelector('[data-level]')?.getAttribute('data-level')).toBe('paused');
    expect(container.textContent).toContain('暂停计时');
  });

  it('shows nothing to count for a closed case', () => {
    render(<DeadlineTag aCase={{ ...claimed('2026-12-01T14:00:00Z'), status: 'CLOSED' }} now={now} />);
    expect(screen.getByText('—')).toBeTruthy();
  });
});
