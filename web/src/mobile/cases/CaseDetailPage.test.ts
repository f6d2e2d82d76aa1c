import { describe, expect, it } from 'vitest';
import { ratesClose } from './CaseDetailPage';

const first = { ratingId: 'r1', caseId: 'c1', satisfaction: 'DISSATISFIED' as const, ratedAt: '2026-12-03T07:00:00.120Z' };

describe('which closure a rating answers', () => {
  it('answers the closure it names, whatever the precision each service keeps', () => {
    expect(ratesClose({ ...first, closedAt: '2026-12-03T06:58:10.615Z' }, '2026-12-03T06:58:10.615172821Z')).toBe(true);
  });

  it('does not answer the closure after a rework, so the resident may rate again', () => {
    expect(ratesClose({ ...first, closedAt: '2026-12-03T06:58:10.615Z' }, '2026-12-03T09:30:00.004417Z')).toBe(false);
  });

  it('falls back to when it was given when the service names no closure', () => {
    expect(ratesClose(first, '2026-12-03T06:58:10Z')).toBe(true);
    expect(ratesClose(first, '2026-12-03T08:00:00Z')).toBe(false);
  });
});
