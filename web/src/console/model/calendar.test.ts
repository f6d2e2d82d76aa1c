import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { calendarPlace, dayWithWeekday, daysOf, toRequest, toValues, yearChoices, type HolidayCalendar } from './calendar';

const y2026: HolidayCalendar = {
  year: 2026,
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
  ],
  makeUpWorkdays: ['2026-01-04', '2026-02-14'],
  daysOff: 12,
};

describe('toValues and toRequest', () => {
  it('given a stored year, when edited unchanged and sent, then the request is the year as stored', () => {
    expect(toRequest(toValues(y2026))).toEqual({ holidays: y2026.holidays, makeUpWorkdays: y2026.makeUpWorkdays });
  });

  it('given a year not configured, when the form opens, then it has one empty holiday row and no make-up days', () => {
    expect(toValues(undefined)).toEqual({ holidays: [{}], makeUpWorkdays: [] });
  });

  it('given empty rows, when sent, then empty make-up rows are left out and an incomplete holiday goes as entered (the API names it)', () => {
    expect(
      toRequest({ holidays: [{ name: ' 劳动节 ', from: dayjs('2027-05-01') }], makeUpWorkdays: [undefined, dayjs('2027-04-25'), null] }),
    ).toEqual({ holidays: [{ name: '劳动节', from: '2027-05-01', to: '' }], makeUpWorkdays: ['2027-04-25'] });
  });
});

describe('calendarPlace', () => {
  const values = { holidays: [{}, {}], makeUpWorkdays: [undefined, dayjs('2027-04-25'), dayjs('2027-05-08')] };
  const place = calendarPlace(values);
  it.each([
    ['holidays[1].to', ['holidays', 1, 'to'], ['holidays', 1, 'to']],
    ['holidays[1]', ['holidays', 1], ['holidays', 1, 'from']],
    // The request left the empty first row out: its makeUpWorkdays[1] is the form's third row.
    ['makeUpWorkdays[1]', ['makeUpWorkdays', 1], ['makeUpWorkdays', 2]],
    ['holidays', ['holidays'], undefined],
    ['year', ['year'], undefined],
  ])('given the API names %s, when placed, then it shows at %j', (field, path, expected) => {
    expect(place(field, path)).toEqual(expected);
  });
});

describe('daysOf', () => {
  it('given a holiday, when counted, then both ends count; a reversed one has no count', () => {
    expect(daysOf(dayjs('2026-02-15'), dayjs('2026-02-23'))).toBe(9);
    expect(daysOf(dayjs('2026-10-01'), dayjs('2026-10-01'))).toBe(1);
    expect(daysOf(dayjs('2026-10-07'), dayjs('2026-10-01'))).toBeUndefined();
  });
});

describe('yearChoices', () => {
  it('given 2026 and the years entered, when offered, then last, this and next year and every entered one, in order', () => {
    expect(yearChoices(2026, [2026, 2024])).toEqual([2024, 2025, 2026, 2027]);
  });
});

describe('dayWithWeekday', () => {
  it('given a make-up day, when shown, then its weekday is beside it', () => {
    expect(dayWithWeekday(dayjs('2026-02-14'))).toBe('2026-02-14 周六');
    expect(dayWithWeekday(dayjs('2026-03-04'))).toBe('2026-03-04 周三');
  });
});
