import { describe, expect, it } from 'vitest';
import { parkedColour, parkedFor, reviewText } from './parked';

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
