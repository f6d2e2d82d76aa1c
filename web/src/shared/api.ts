import { currentSession } from './auth';
import { CASE_STATUS_NAMES } from './caseStatus';

/** RFC 9457 problem details as the platform's services and gateway write them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  correlationId?: string;
  errors?: { field: string; reason: string }[];
}

/** A non-2xx answer (or no answer at all: status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds the platform asked the caller to wait before trying again (a 429 or 503's Retry-After). */
  readonly retryAfter?: number;

  constructor(status: number, problem: Problem, retryAfter?: number) {
    super(problemText(problem, status));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** Someone else changed the resource meanwhile: offer a reload. */
  get isConflict(): boolean {
    return this.status === 409 && (this.problem.type?.endsWith('version-conflict') ?? false);
  }
}

export interface ApiOptions extends Omit<RequestInit, 'body'> {
  /** Sent as JSON unless it is already a string, FormData or Blob. */
  body?: unknown;
  /** Query parameters; undefined, null and '' are left out, arrays repeat the name. */
  query?: Record<string, string | number | boolean | undefined | null | (string | number)[]>;
  /** Return the raw Response (CSV downloads, images). */
  raw?: boolean;
}

const TYPE_TITLES: Record<string, string> = {
  validation: '填写有误',
  'malformed-request': '请求无法识别',
  unauthorized: '登录已失效',
  forbidden: '无权进行此操作',
  'not-found': '未找到',
  'method-not-allowed': '不支持此操作',
  'not-acceptable': '不支持的格式',
  'version-conflict': '他人刚刚修改了此案件，请刷新后再试',
  'invalid-state': '当前状态下不能进行此操作',
  'already-exists': '记录已存在',
  'payload-too-large': '内容过大',
  'unsupported-media-type': '不支持的文件类型',
  'too-many-requests': '操作过于频繁，请稍后再试',
  'service-unavailable': '服务暂时不可用',
  internal: '服务内部错误',
};

const STATUS_TITLES: Record<number, string> = {
  0: '无法连接服务器，请检查网络',
  400: '填写有误',
  401: '登录已失效',
  403: '无权进行此操作',
  404: '未找到',
  409: '他人刚刚修改了此案件，请刷新后再试',
  413: '内容过大',
  429: '操作过于频繁，请稍后再试',
  502: '服务暂时不可用',
  503: '服务暂时不可用',
  504: '服务响应超时',
};

/** Field names the API uses, as a form labels them. */
const FIELD_LABELS: Record<string, string> = {
  reason: '原因',
  note: '说明',
  comment: '意见',
  description: '描述',
  category: '类别',
  categoryCode: '类别',
  point: '位置',
  lon: '经度',
  lat: '纬度',
  locationDescription: '位置说明',
  departmentId: '部门',
  departments: '部门',
  assignee: '承办人',
  assigneeId: '承办人',
  memberId: '党员',
  workerId: '网格员',
  target: '派遣对象',
  targetType: '派遣对象类型',
  targetId: '派遣对象',
  days: '天数',
  hours: '小时数',
  until: '截止时间',
  passed: '核查结果',
  result: '核查结果',
  level: '级别',
  score: '评分',
  phone: '电话',
  name: '姓名',
  reporterName: '报告人',
  reporterPhone: '报告人电话',
  version: '版本',
  page: '页码',
  size: '每页条数',
  sort: '排序',
  from: '开始日期',
  to: '结束日期',
  status: '状态',
};

const REASONS: [RegExp, string][] = [
  [/^must not be (blank|empty|null)$/i, '不能为空'],
  [/^is required$/i, '必填'],
  [/^size must be between (\d+) and (\d+)$/i, '长度须在 $1 到 $2 之间'],
  [/^must be greater than or equal to (\S+)$/i, '不能小于 $1'],
  [/^must be less than or equal to (\S+)$/i, '不能大于 $1'],
  [/^must be greater than (\S+)$/i, '必须大于 $1'],
  [/^must be a future date$/i, '必须是将来的时间'],
  [/^must match /i, '格式不正确'],
];

const STATE_NAMES: Record<string, string> = CASE_STATUS_NAMES;

const states = (list: string) =>
  list
    .split(' or ')
    .map((state) => `「${STATE_NAMES[state] ?? state}」`)
    .join('或');

/** case-service's explanations of a refusal that a dispatcher meets daily, in Chinese. */
const DETAILS: [RegExp, (...groups: string[]) => string][] = [
  [
    /^A case in state (\w+) cannot be \w+; only a case that is (.+) can$/,
    (current, allowed) => `案件现为「${STATE_NAMES[current] ?? current}」，此操作只适用于${states(allowed)}的案件`,
  ],
  [/^No time limit of the case is running/, () => '案件当前没有正在计时的时限'],
  [/^The time limit is already paused/, () => '时限已经暂停，请先恢复计时'],
  [/^The time limit is not paused/, () => '时限没有暂停，无需恢复'],
  [/^The time limit is paused while the case waits for the resident/, () => '等待居民期间时限已暂停，恢复计时后才能延时'],
  [/^The case is already located in grid (\S+)$/, (grid) => `案件已定位在网格 ${grid}`],
  [/^The case is cancelled; it takes no more photos$/, () => '案件已作废，不能再添加照片'],
  [/^The platform is busy; try again in (\d+) s$/, (seconds) => `平台繁忙，请 ${seconds} 秒后再试`],
  [/^[\w-]+ is unavailable; try again shortly$/, () => '请稍后再试'],
];

/** The service's explanation in Chinese where it is a known one, else as the service gave it. */
function detailText(detail: string): string {
  for (const [pattern, text] of DETAILS) {
    const match = pattern.exec(detail);
    if (match) {
      return text(...match.slice(1));
    }
  }
  return detail;
}

/** A field's reason as the API gives it (bean validation's English), in Chinese where it is a known one. */
export function reasonText(reason: string): string {
  for (const [pattern, text] of REASONS) {
    if (pattern.test(reason)) {
      return reason.replace(pattern, text);
    }
  }
  return reason;
}

export function fieldLabel(field: string): string {
  const last = field.split('.').pop() ?? field;
  return FIELD_LABELS[field] ?? FIELD_LABELS[last] ?? field;
}

/**
 * The reason of a refusal in plain Chinese: what kind of problem it is, each invalid field named
 * with its reason, and the service's own explanation (which names the rule) after it.
 */
export function problemText(problem: Problem | undefined, status = problem?.status ?? 0): string {
  // Types are URIs such as urn:grassroots:problem:invalid-state; the last part names the kind.
  const slug = problem?.type?.split(/[/:]/).pop();
  const title = (slug && TYPE_TITLES[slug]) ?? STATUS_TITLES[status] ?? `请求失败（${status}）`;
  const parts = [title];
  const errors = problem?.errors ?? [];
  if (errors.length > 0) {
    parts.push(errors.map((e) => `「${fieldLabel(e.field)}」${reasonText(e.reason)}`).join('；'));
  } else if (problem?.detail) {
    parts.push(`（${detailText(problem.detail)}）`);
  }
  return parts.length > 1 && errors.length > 0 ? `${parts[0]}：${parts[1]}` : parts.join('');
}

function withQuery(path: string, query: ApiOptions['query']): string {
  if (!query) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    for (const one of Array.isArray(value) ? value : [value]) {
      params.append(name, String(one));
    }
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

/**
 * A read the platform, busy in a storm, may answer "come back in n s" (429 or 503 with Retry-After):
 * it is asked again after that wait, up to `attempts` times in all, and `onBusy` is told each time it
 * waits. Anything else (the answer, another failure, the last busy answer) settles the promise.
 * Reads only: a write the platform turned away may have been taken, and is the user's to repeat.
 */
export async function readWhenFree<T>(
  path: string,
  { attempts = 30, onBusy, signal }: { attempts?: number; onBusy?: (failure: ApiError) => void; signal?: AbortSignal } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await api<T>(path, { signal });
    } catch (failure) {
      if (!(failure instanceof ApiError) || failure.retryAfter === undefined || attempt >= attempts || signal?.aborted) {
        throw failure;
      }
      onBusy?.(failure);
      await new Promise((resolve) => setTimeout(resolve, failure.retryAfter! * 1000));
      if (signal?.aborted) {
        throw failure;
      }
    }
  }
}

/** Retry-After in whole seconds, if the answer gave it as seconds. */
function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get('Retry-After');
  return value && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return (await response.json()) as Problem;
    } catch {
      // An unreadable body still has its status.
    }
  }
  return { status: response.status };
}

/**
 * Calls the platform's API with the session's bearer token. A non-2xx answer throws ApiError with
 * the problem details; a 401 (the session ended) sends the user to sign in and back to this page.
 */
export async function api<T = unknown>(path: string, options: ApiOptions = {}): Promise<T> {
  const { body, query, raw, headers, ...rest } = options;
  const session = currentSession();
  const sent = new Headers(headers);
  if (!sent.has('Accept')) {
    sent.set('Accept', 'application/json, application/problem+json');
  }
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    if (typeof body === 'string' || body instanceof FormData || body instanceof Blob) {
      payload = body;
    } else {
      payload = JSON.stringify(body);
      sent.set('Content-Type', 'application/json');
    }
  }
  if (session) {
    sent.set('Authorization', `Bearer ${await session.token()}`);
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { ...rest, headers: sent, body: payload });
  } catch {
    throw new ApiError(0, { status: 0, title: 'network' });
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && session) {
      await session.login();
    }
    throw new ApiError(response.status, problem, retryAfterSeconds(response));
  }
  if (raw) {
    return response as unknown as T;
  }
  if (response.status === 204 || response.headers.get('Content-Length') === '0') {
    return undefined as T;
  }
  const type = response.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}
