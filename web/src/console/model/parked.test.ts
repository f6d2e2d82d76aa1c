import { describe, expect, it } from 'vitest';
import { oldestFirst, parkedColour, parkedFor, reviewText, type ParkedCase } from './parked';
import type { CaseView } from './types';

const entry = (number: string, parkedAt: string, days: number): ParkedCase => ({
  aCase: { id: number, number } as CaseView,
  parkedAt,
  reason: '等待管网改造',
  daysParked: days,
  nextReviewOn: '2026-12-10',
  reviewDue: true,
});

describe('oldestFirst', () => {
  it('given parked cases in any order, when listed, then the longest parked comes first', () => {
    const list = [entry('B', '2026-11-20T02:00:00Z', 13), entry('A', '2026-08-01T02:00:00Z', 124), entry('C', '2026-12-01T02:00:00Z', 2)];
    expect(oldestFirst(list).map((p) => p.aCase.number)).toEqual(['A', 'B', 'C']);
  });
});

describe('parkedFor', () => {
  it.each([
    [0, '不足 1 天'],
    [12, '12 天'],
    [30, '30 天（约 1 个月）'],
    [95, '95 天（约 3 个月）'],
  ])('given %i days parked, when said, then "%s"', (days, text) => {
    expect(parkedFor(days)).toBe(text);
  });

  it('given how long, when coloured, then a month is amber and three months red', () => {
    expect([parkedColour(10), parkedColour(30), parkedColour(89), parkedColour(90)]).toEqual(['default', 'orange', 'orange', 'red']);
  });
});

describe('reviewText', () => {
  const today = new Date('2026-12-03T10:00:00+08:00');
  it.each([
    [{ nextReviewOn: '2026-12-03', reviewDue: true }, '今日复核'],
    [{ nextReviewOn: '2026-12-06', reviewDue: true }, '3 天后复核'],
    [{ nextReviewOn: '2026-12-30', reviewDue: false }, '2026-12-30 复核'],
    [{ nextReviewOn: '2026-12-01', reviewDue: true }, '已过复核日'],
  ])('given the next review %j, when said, then "%s"', (review, text) => {
    expect(reviewText(review, today)).toBe(text);
  });
});
