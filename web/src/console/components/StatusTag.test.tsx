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

  it('shows nothing to count for a closed case', () => {
    render(<DeadlineTag aCase={{ ...claimed('2026-12-01T14:00:00Z'), status: 'CLOSED' }} now={now} />);
    expect(screen.getByText('—')).toBeTruthy();
  });
});
