import type { Category, Point, Question } from '../types';

// The report form's rules, kept apart from the page so that they can be tested without a browser.
// They mirror what case-service checks (ReportCaseRequest, CategoryAttribute), so that a resident
// learns what is wrong before sending, in Chinese, next to the field.

export const MAX_DESCRIPTION = 2000;
export const MAX_ADDRESS = 200;
export const MAX_TEXT_ANSWER = 1000;

/** What a form field holds for one question: text (also numbers and times), yes/no, or choices. */
export type AnswerValue = string | boolean | string[] | undefined;

/** How a question is asked on the phone. */
export type FieldKind = 'text' | 'number' | 'yesno' | 'datetime' | 'choice' | 'choices';

export function fieldKind(question: Question): FieldKind {
  switch (question.datatype) {
    case 'NUMBER':
      return 'number';
    case 'BOOLEAN':
      return 'yesno';
    case 'DATETIME':
      return 'datetime';
    case 'SINGLE_VALUE':
      return 'choice';
    case 'MULTI_VALUE':
      return 'choices';
    default:
      return 'text';
  }
}

function isUnanswered(value: AnswerValue): boolean {
  return (
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Why the answer does not answer the question, in Chinese; undefined when it does. */
export function answerProblem(question: Question, value: AnswerValue): string | undefined {
  if (isUnanswered(value)) {
    return question.required ? '请填写此项' : undefined;
  }
  const choices = question.allowedValues ?? [];
  switch (question.datatype) {
    case 'STRING':
      return typeof value === 'string' && value.length <= MAX_TEXT_ANSWER
        ? undefined
        : `最多 ${MAX_TEXT_ANSWER} 个字`;
    case 'NUMBER':
      return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? undefined : '请填写数字';
    case 'BOOLEAN':
      return typeof value === 'boolean' ? undefined : '请选择“是”或“否”';
    case 'DATETIME':
      // <input type="datetime-local"> gives 2026-11-21T09:30 (China Standard Time on a Chinese phone).
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)
        ? undefined
        : '请选择日期和时间';
    case 'SINGLE_VALUE':
      return typeof value === 'string' && choices.includes(value) ? undefined : '请从选项中选择一项';
    case 'MULTI_VALUE':
      return Array.isArray(value) && value.every((one) => choices.includes(one)) && new Set(value).size === value.length
        ? undefined
        : '请从选项中选择';
    default:
      return undefined;
  }
}

/**
 * The answers as case-service takes them: numbers as numbers, times with China's offset (the
 * service reads a time without an offset the same way, but an explicit one leaves no doubt),
 * unanswered questions left out.
 */
export function answersForApi(category: Category, values: Record<string, AnswerValue>): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const question of category.attributes) {
    const value = values[question.code];
    if (isUnanswered(value)) {
      continue;
    }
    if (question.datatype === 'NUMBER' && typeof value === 'string') {
      answers[question.code] = Number(value.trim());
    } else if (question.datatype === 'DATETIME' && typeof value === 'string') {
      answers[question.code] = (value.length === 16 ? `${value}:00` : value) + '+08:00';
    } else if (typeof value === 'string') {
      answers[question.code] = value.trim();
    } else {
      answers[question.code] = value;
    }
  }
  return answers;
}

/** Everything the resident fills in before sending. */
export interface ReportDraft {
  category?: Category;
  description: string;
  answers: Record<string, AnswerValue>;
  point?: Point;
  address: string;
}

/** Field → reason, in Chinese; empty when the draft can be sent. Answers are keyed `answers.<code>`. */
export function draftProblems(draft: ReportDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.category) {
    problems.category = '请选择问题类别';
  }
  const description = draft.description.trim();
  if (!description) {
    problems.description = '请描述您看到的问题';
  } else if (description.length > MAX_DESCRIPTION) {
    problems.description = `描述最多 ${MAX_DESCRIPTION} 个字（现在 ${description.length} 个）`;
  }
  if (!draft.point) {
    problems.point = '请定位或在地图上点选问题所在位置';
  }
  if (draft.address.trim().length > MAX_ADDRESS) {
    problems.address = `地址最多 ${MAX_ADDRESS} 个字`;
  }
  for (const question of draft.category?.attributes ?? []) {
    const problem = answerProblem(question, draft.answers[question.code]);
    if (problem) {
      problems[`answers.${question.code}`] = problem;
    }
  }
  return problems;
}

/** The channels a report can come through on the phone (case-service's Channel). */
export type ReportChannel = 'RESIDENT_APP' | 'GRID_WORKER' | 'PART_TIME_WORKER';

/** The body of POST /api/cases. */
export function reportRequest(draft: ReportDraft, channel: ReportChannel, emergency: boolean) {
  if (!draft.category || !draft.point) {
    throw new Error('draft is not complete');
  }
  const address = draft.address.trim();
  return {
    categoryCode: draft.category.code,
    description: draft.description.trim(),
    point: { lon: draft.point.lon, lat: draft.point.lat },
    locationDescription: address || undefined,
    answers: answersForApi(draft.category, draft.answers),
    channel,
    emergency: emergency || undefined,
  };
}

/** The channel of the patrol form: a grid worker's own, or a part-time grid worker's (couriers). */
export function patrolChannel(roles: string[]): ReportChannel | undefined {
  if (roles.includes('grid_worker')) {
    return 'GRID_WORKER';
  }
  return roles.includes('part_time_worker') ? 'PART_TIME_WORKER' : undefined;
}
