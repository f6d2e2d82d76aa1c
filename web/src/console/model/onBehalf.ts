import type { Dayjs } from 'dayjs';
import type { NamePath } from './fieldErrors';
import type { GeoPoint } from './types';

/** A category's question (Open311 attribute) as GET /api/categories gives it. */
export interface Question {
  code: string;
  label: string;
  datatype: 'STRING' | 'NUMBER' | 'BOOLEAN' | 'DATETIME' | 'SINGLE_VALUE' | 'MULTI_VALUE';
  required: boolean;
  allowedValues?: string[];
  description?: string;
}

export interface Category {
  code: string;
  name: string;
  kind?: string;
  active: boolean;
  attributes?: Question[];
}

export type IntakeChannel = 'WALK_IN' | 'PHONE_CALL';

/** What the clerk fills in on the 代为登记 form. */
export interface OnBehalfValues {
  channel: IntakeChannel;
  callerName?: string;
  callerPhone?: string;
  categoryCode?: string;
  answers?: Record<string, unknown>;
  description?: string;
  point?: GeoPoint;
  locationDescription?: string;
  emergency?: boolean;
}

function isBlank(answer: unknown): boolean {
  return answer === undefined || answer === null || (typeof answer === 'string' && answer.trim() === '') || (Array.isArray(answer) && answer.length === 0);
}

function isDayjs(value: unknown): value is Dayjs {
  return typeof value === 'object' && value !== null && typeof (value as Dayjs).format === 'function' && typeof (value as Dayjs).isValid === 'function';
}

/**
 * The answers as case-service reads them (answers.<code>): only the chosen category's questions,
 * unanswered ones left out, a date and time with its offset (2026-11-21T09:30:00+08:00).
 */
export function answersFor(category: Category | undefined, answers: Record<string, unknown> = {}): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const question of category?.attributes ?? []) {
    const answer = answers[question.code];
    if (isBlank(answer)) continue;
    out[question.code] = isDayjs(answer) ? answer.format('YYYY-MM-DDTHH:mm:ssZ') : typeof answer === 'string' ? answer.trim() : answer;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The body of POST /api/cases/on-behalf. The caller's contact goes in `caller` and nowhere else. */
export function onBehalfRequest(values: OnBehalfValues, category: Category | undefined): Record<string, unknown> {
  const name = values.callerName?.trim();
  return {
    channel: values.channel,
    caller: { ...(name ? { name } : {}), phone: values.callerPhone?.trim() ?? '' },
    categoryCode: values.categoryCode,
    description: values.description?.trim(),
    point: values.point,
    ...(values.locationDescription?.trim() ? { locationDescription: values.locationDescription.trim() } : {}),
    ...(values.emergency ? { emergency: true } : {}),
    ...(answersFor(category, values.answers) ? { answers: answersFor(category, values.answers) } : {}),
  };
}

const PLACES: Record<string, NamePath> = {
  caller: ['callerPhone'],
  'caller.phone': ['callerPhone'],
  'caller.name': ['callerName'],
  point: ['point'],
  'point.lon': ['point'],
  'point.lat': ['point'],
  categoryCode: ['categoryCode'],
  description: ['description'],
  locationDescription: ['locationDescription'],
  channel: ['channel'],
  emergency: ['emergency'],
};

/** Where a refused field of the on-behalf request sits on the form (answers.<code> beside its question). */
export function onBehalfPlace(field: string, questions: Question[] = []): NamePath | undefined {
  if (PLACES[field]) return PLACES[field];
  const answer = /^answers\.(\w+)$/.exec(field);
  if (answer && questions.some((q) => q.code === answer[1])) return ['answers', answer[1]];
  if (field === 'answers' || answer) return ['categoryCode'];
  return undefined;
}

/** The middle of a grid's outline (the mean of its outer ring's corners), where 按网格 puts the point. */
export function centreOf(geometry: GeoJSON.Geometry | undefined): GeoPoint | undefined {
  let ring: GeoJSON.Position[] | undefined;
  if (geometry?.type === 'Polygon') ring = geometry.coordinates[0];
  else if (geometry?.type === 'MultiPolygon') ring = geometry.coordinates[0]?.[0];
  else if (geometry?.type === 'Point') return { lon: geometry.coordinates[0], lat: geometry.coordinates[1] };
  if (!ring || ring.length === 0) return undefined;
  const corners = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
  const lon = corners.reduce((sum, p) => sum + p[0], 0) / corners.length;
  const lat = corners.reduce((sum, p) => sum + p[1], 0) / corners.length;
  return { lon: Number(lon.toFixed(6)), lat: Number(lat.toFixed(6)) };
}

/** A phone number the intake will take: digits, +, - and spaces, 5 to 20 (case-service checks the same). */
export function looksLikePhone(phone: string | undefined): boolean {
  return /^[0-9+\- ]{5,20}$/.test((phone ?? '').trim());
}
