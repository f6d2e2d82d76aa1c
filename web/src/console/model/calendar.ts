import dayjs, { type Dayjs } from 'dayjs';
import type { NamePath } from './fieldErrors';

/** A holiday as the API gives it: its name and first and last day off (ISO dates, weekends inside included). */
export interface Holiday {
  name: string;
  from: string;
  to: string;
}

/** GET /api/calendars/{year}. */
export interface HolidayCalendar {
  year: number;
  holidays: Holiday[];
  makeUpWorkdays: string[];
  daysOff: number;
}

/** The calendar form: a row per holiday, a date per make-up working day. */
export interface CalendarValues {
  holidays: { name?: string; from?: Dayjs | null; to?: Dayjs | null }[];
  makeUpWorkdays: (Dayjs | null | undefined)[];
}

export function toValues(calendar: HolidayCalendar | undefined): CalendarValues {
  if (!calendar) return { holidays: [{}], makeUpWorkdays: [] };
  return {
    holidays: calendar.holidays.map((h) => ({ name: h.name, from: dayjs(h.from), to: dayjs(h.to) })),
    makeUpWorkdays: calendar.makeUpWorkdays.map((d) => dayjs(d)),
  };
}

const iso = (day: Dayjs | null | undefined) => (day ? day.format('YYYY-MM-DD') : '');

/**
 * The body of PUT /api/calendars/{year}: rows kept in the order entered (a refusal names the row by
 * its index), empty make-up rows left out. The API checks the rest and names the field.
 */
export function toRequest(values: CalendarValues): { holidays: Holiday[]; makeUpWorkdays: string[] } {
  return {
    holidays: (values.holidays ?? []).map((h) => ({ name: (h?.name ?? '').trim(), from: iso(h?.from), to: iso(h?.to) })),
    makeUpWorkdays: (values.makeUpWorkdays ?? []).filter((d): d is Dayjs => Boolean(d)).map(iso),
  };
}

/** The index of each make-up day in the request, by its row in the form (empty rows are left out). */
function makeUpRow(values: CalendarValues, requestIndex: number): number {
  let seen = -1;
  const rows = values.makeUpWorkdays ?? [];
  for (let row = 0; row < rows.length; row++) {
    if (rows[row]) seen++;
    if (seen === requestIndex) return row;
  }
  return requestIndex;
}

/**
 * Where a refused field sits on the form: holidays[1].from beside that date; holidays[1] (an overlap)
 * beside the row's first day; makeUpWorkdays[0] beside that date. The rest (the year, no holiday at
 * all) is said above the buttons.
 */
export function calendarPlace(values: CalendarValues) {
  return (field: string, path: NamePath): NamePath | undefined => {
    if (path[0] === 'holidays' && typeof path[1] === 'number') {
      return path.length === 2 ? ['holidays', path[1], 'from'] : path;
    }
    if (path[0] === 'makeUpWorkdays' && typeof path[1] === 'number') {
      return ['makeUpWorkdays', makeUpRow(values, path[1])];
    }
    return undefined;
  };
}

/** Days off a holiday gives, both ends counted. */
export function daysOf(from?: Dayjs | null, to?: Dayjs | null): number | undefined {
  if (!from || !to || to.isBefore(from, 'day')) return undefined;
  return to.startOf('day').diff(from.startOf('day'), 'day') + 1;
}

/** The years the page offers: last year, this year, next year and every year entered. */
export function yearChoices(thisYear: number, configured: number[]): number[] {
  return [...new Set([thisYear - 1, thisYear, thisYear + 1, ...configured])].sort((a, b) => a - b);
}

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 2027-02-20 周六: how a date reads on the page, so a make-up day on a weekday shows at once. */
export function dayWithWeekday(day: Dayjs): string {
  return `${day.format('YYYY-MM-DD')} ${WEEKDAY[day.day()]}`;
}
