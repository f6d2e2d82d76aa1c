import dayjs from 'dayjs';
import type { CaseView } from './types';

/**
 * One entry of GET /api/cases/parked (a page of them, longest parked first): the case, when and why
 * it was parked, and its next review.
 */
export interface ParkedCase {
  aCase: CaseView;
  parkedAt: string;
  reason?: string | null;
  daysParked: number;
  nextReviewOn: string;
  reviewDue: boolean;
}

/** How long a case has been parked, as the review list says it: 不足 1 天, 12 天, 95 天（约 3 个月）. */
export function parkedFor(days: number): string {
  if (days < 1) return '不足 1 天';
  if (days < 30) return `${days} 天`;
  const months = Math.floor(days / 30);
  return `${days} 天（约 ${months} 个月）`;
}

/** The colour of how long: under a month plain, up to three months amber, longer red. */
export function parkedColour(days: number): 'default' | 'orange' | 'red' {
  if (days >= 90) return 'red';
  if (days >= 30) return 'orange';
  return 'default';
}

/** The next review day in words: 今日复核, 已过复核日, 3 天后复核, or the date. */
export function reviewText(entry: Pick<ParkedCase, 'nextReviewOn' | 'reviewDue'>, today: Date = new Date()): string {
  const next = dayjs(entry.nextReviewOn).startOf('day');
  const days = next.diff(dayjs(today).startOf('day'), 'day');
  if (days < 0) return '已过复核日';
  if (days === 0) return '今日复核';
  if (entry.reviewDue) return `${days} 天后复核`;
  return `${next.format('YYYY-MM-DD')} 复核`;
}
