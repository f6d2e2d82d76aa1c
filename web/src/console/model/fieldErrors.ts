import { reasonText, type Problem } from '../../shared/api';

/** A form field's path as Ant Design's Form names it: holidays[1].from is ['holidays', 1, 'from']. */
export type NamePath = (string | number)[];

/** One refusal to show beside its field. */
export interface FieldProblem {
  name: NamePath;
  errors: string[];
}

const WEEKDAYS: Record<string, string> = {
  MONDAY: '星期一',
  TUESDAY: '星期二',
  WEDNESDAY: '星期三',
  THURSDAY: '星期四',
  FRIDAY: '星期五',
  SATURDAY: '星期六',
  SUNDAY: '星期日',
};

/**
 * The reasons the on-behalf intake and the holiday calendar give (case-service's onbehalf/ and
 * sla/HolidayYear), in the Chinese a clerk reads. Bean validation's common ones come from the
 * shared list (必填, 长度须在…).
 */
const REASONS: [RegExp, (...groups: string[]) => string][] = [
  [/^is required, so the community can call the resident back$/, () => '必填：社区要据此回电联系来电人'],
  [/^must be a phone number/, () => '须为电话号码（数字，可含 +、- 和空格）'],
  [/^must be WALK_IN or PHONE_CALL/, () => '须为「来访」或「来电」'],
  [/^is not in the category catalogue/, () => '不是现有的类别，请从列表中选择'],
  [/^is retired; choose a current category$/, () => '该类别已停用，请选择现行类别'],
  [/^must be a category code/, () => '请从列表中选择类别'],
  [/^is not a question of category (\S+)$/, () => '不是该类别要回答的问题'],
  [/^must be text of at most (\d+) characters$/, (n) => `不超过 ${n} 字`],
  [/^must be a number$/, () => '须为数字'],
  [/^must be true or false$/, () => '须选择「是」或「否」'],
  [/^must be an ISO-8601 date and time/, () => '须为日期和时间'],
  [/^must be one of \[(.*)\]$/, (values) => `须为以下之一：${values.split(', ').join('、')}`],
  [/^must be a list of distinct values from \[(.*)\]$/, (values) => `须从以下选项中选择（不重复）：${values.split(', ').join('、')}`],
  [/^must name at least one holiday of (\d+)$/, (year) => `至少填写 ${year} 年的一个节假日`],
  [/^is required, e\.g\. (.+)$/, (example) => `必填，如「${example}」`],
  [/^is required, as a date such as (\S+)$/, (example) => `必填，日期如 ${example}`],
  [/^'(.*)' is not a date such as (\S+)$/, (value, example) => `「${value}」不是日期，应如 ${example}`],
  [/^(\d{4}-\d\d-\d\d) is not in (\d+)$/, (day, year) => `${day} 不在 ${year} 年内`],
  [/^is before its first day (\S+)$/, (day) => `早于假期首日 ${day}`],
  [/^overlaps (.+) \((\S+) to (\S+)\)$/, (name, from, to) => `与「${name}」（${from} 至 ${to}）重叠`],
  [
    /^(\d{4}-\d\d-\d\d) is a (\w+), a working day anyway/,
    (day, weekday) => `${day} 是${WEEKDAYS[weekday] ?? weekday}，本来就上班；调休上班日应为周六或周日`,
  ],
  [/^(\d{4}-\d\d-\d\d) lies inside (.+)$/, (day, name) => `${day} 在「${name}」假期之内`],
  [/^(\d{4}-\d\d-\d\d) is given twice$/, (day) => `${day} 重复填写`],
  [/^must be between (\d+) and (\d+)$/, (low, high) => `须在 ${low} 到 ${high} 之间`],
];

/** A field's reason in Chinese: ours first, then the shared list, else as the service wrote it. */
export function chineseReason(reason: string): string {
  for (const [pattern, text] of REASONS) {
    const match = pattern.exec(reason);
    if (match) {
      return text(...match.slice(1));
    }
  }
  return reasonText(reason);
}

/** The API's field name as a form path: "holidays[1].from" → ['holidays', 1, 'from']. */
export function toNamePath(field: string): NamePath {
  const path: NamePath = [];
  for (const part of field.split('.')) {
    const indexed = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!indexed) {
      path.push(part);
      continue;
    }
    path.push(indexed[1]);
    for (const index of indexed[2].matchAll(/\[(\d+)\]/g)) {
      path.push(Number(index[1]));
    }
  }
  return path;
}

/**
 * Splits a refusal into the errors a form shows beside its fields and the rest (shown above the
 * buttons). `place` says where an API field goes in the form, or undefined when the form has no
 * such field.
 */
export function fieldProblems(
  problem: Problem | undefined,
  place: (field: string, path: NamePath) => NamePath | undefined,
): { fields: FieldProblem[]; rest: string[] } {
  const fields: FieldProblem[] = [];
  const rest: string[] = [];
  for (const error of problem?.errors ?? []) {
    const reason = chineseReason(error.reason);
    const name = place(error.field, toNamePath(error.field));
    if (!name) {
      rest.push(`${error.field}：${reason}`);
      continue;
    }
    const same = fields.find((f) => f.name.join('.') === name.join('.'));
    if (same) {
      same.errors.push(reason);
    } else {
      fields.push({ name, errors: [reason] });
    }
  }
  return { fields, rest };
}
