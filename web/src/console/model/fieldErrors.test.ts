import { describe, expect, it } from 'vitest';
import { chineseReason, fieldProblems, toNamePath } from './fieldErrors';

describe('toNamePath', () => {
  it('given indexed and dotted API fields, when read as form paths, then indexes are numbers', () => {
    expect(toNamePath('holidays[1].from')).toEqual(['holidays', 1, 'from']);
    expect(toNamePath('makeUpWorkdays[0]')).toEqual(['makeUpWorkdays', 0]);
    expect(toNamePath('caller.phone')).toEqual(['caller', 'phone']);
    expect(toNamePath('answers.rubbishType')).toEqual(['answers', 'rubbishType']);
  });
});

describe('chineseReason', () => {
  it.each([
    ['must be a phone number (digits, +, - and spaces)', '须为电话号码（数字，可含 +、- 和空格）'],
    ['is required, so the community can call the resident back', '必填：社区要据此回电联系来电人'],
    ['must not be blank', '不能为空'],
    ['must be one of [坑槽, 裂缝]', '须为以下之一：坑槽、裂缝'],
    ['overlaps 春节 (2027-02-06 to 2027-02-13)', '与「春节」（2027-02-06 至 2027-02-13）重叠'],
    [
      '2027-03-03 is a WEDNESDAY, a working day anyway; a make-up working day is a Saturday or Sunday',
      '2027-03-03 是星期三，本来就上班；调休上班日应为周六或周日',
    ],
    ['2027-02-07 lies inside 春节', '2027-02-07 在「春节」假期之内'],
    ["'2027-13-01' is not a date such as 2027-10-01", '「2027-13-01」不是日期，应如 2027-10-01'],
    ['2026-12-31 is not in 2027', '2026-12-31 不在 2027 年内'],
    ['is before its first day 2027-05-01', '早于假期首日 2027-05-01'],
    ['must name at least one holiday of 2027', '至少填写 2027 年的一个节假日'],
  ])('given the API says "%s", when shown, then it reads "%s"', (reason, chinese) => {
    expect(chineseReason(reason)).toBe(chinese);
  });

  it('given a reason nobody translated, when shown, then it is kept as the service wrote it', () => {
    expect(chineseReason('something new')).toBe('something new');
  });
});

describe('fieldProblems', () => {
  it('given a refusal naming two fields, one on the form, when split, then that one goes beside its field and the other above the buttons', () => {
    const { fields, rest } = fieldProblems(
      {
        status: 400,
        errors: [
          { field: 'caller.phone', reason: 'must be a phone number (digits, +, - and spaces)' },
          { field: 'year', reason: 'must be between 2000 and 2100' },
        ],
      },
      (field) => (field === 'caller.phone' ? ['callerPhone'] : undefined),
    );
    expect(fields).toEqual([{ name: ['callerPhone'], errors: ['须为电话号码（数字，可含 +、- 和空格）'] }]);
    expect(rest).toEqual(['year：须在 2000 到 2100 之间']);
  });

  it('given two reasons for one field, when split, then the field shows both', () => {
    const { fields } = fieldProblems(
      { errors: [{ field: 'point.lon', reason: 'must not be null' }, { field: 'point.lat', reason: 'must not be null' }] },
      () => ['point'],
    );
    expect(fields).toEqual([{ name: ['point'], errors: ['不能为空', '不能为空'] }]);
  });
});
