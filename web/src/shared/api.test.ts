import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, problemText, readWhenFree } from './api';

describe('problemText', () => {
  it('names each invalid field in Chinese with its reason', () => {
    const text = problemText({
      type: 'https://grassroots.example.org/problems/validation',
      status: 400,
      errors: [
        { field: 'reason', reason: 'must not be blank' },
        { field: 'days', reason: 'must be greater than or equal to 1' },
      ],
    });
    expect(text).toBe('填写有误：「原因」不能为空；「天数」不能小于 1');
  });

  it('gives the state rule the service named', () => {
    const text = problemText({
      type: 'https://grassroots.example.org/problems/invalid-state',
      status: 409,
      detail: 'Case is CLOSED: dispatch is not allowed',
    });
    expect(text).toBe('当前状态下不能进行此操作（Case is CLOSED: dispatch is not allowed）');
  });

  it('says in Chinese why a case in the wrong state refuses a command', () => {
    const text = problemText({
      type: 'urn:grassroots:problem:invalid-state',
      status: 409,
      detail: 'A case in state ACCEPTED cannot be accepted; only a case that is REPORTED or REOPENED can',
    });
    expect(text).toBe('当前状态下不能进行此操作（案件现为「已立案」，此操作只适用于「待受理」或「发回重办」的案件）');
  });

  it('says in Chinese why a time limit cannot be paused again', () => {
    const text = problemText({
      type: 'urn:grassroots:problem:invalid-state',
      status: 409,
      detail: 'The time limit is already paused; resume it before pausing it again',
    });
    expect(text).toBe('当前状态下不能进行此操作（时限已经暂停，请先恢复计时）');
  });

  it('says a version conflict means someone else changed the case', () => {
    expect(problemText({ type: 'x/version-conflict', status: 409 })).toContain('他人刚刚修改');
  });

  it('falls back to the status when there is no body', () => {
    expect(problemText(undefined, 503)).toBe('服务暂时不可用');
  });
});

describe('api', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('throws ApiError with the problem details of a refusal', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        new Response(JSON.stringify({ type: 'p/forbidden', status: 403, detail: 'Not your area' }), {
          status: 403,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      ),
    );
    const failure = await api('/api/cases/1').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(403);
    expect((failure as ApiError).message).toBe('无权进行此操作（Not your area）');
  });

  it('sends query parameters, leaving empty ones out', async () => {
    const fetchMock = vi.fn(async (_url: string) => new Response('{"content":[]}', { headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    await api('/api/cases', { query: { status: ['NEW', 'ACCEPTED'], q: '', page: 0 } });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/cases?status=NEW&status=ACCEPTED&page=0');
  });
});

describe('readWhenFree', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  const busy = () =>
    new Response(JSON.stringify({ type: 'urn:grassroots:problem:service-unavailable', status: 503, detail: 'The platform is busy; try again in 2 s' }), {
      status: 503,
      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '2' },
    });

  it('asks again after the wait the platform named, and gives up after the last attempt', async () => {
    vi.useFakeTimers();
    const fetchMock = vi.fn(async () => busy());
    vi.stubGlobal('fetch', fetchMock);
    const waits: string[] = [];

    const read = readWhenFree('/api/categories', { attempts: 3, onBusy: (failure) => waits.push(failure.message) });
    const settled = read.catch((failure: unknown) => failure);
    await vi.advanceTimersByTimeAsync(4000);

    const failure = (await settled) as ApiError;
    expect(failure.status).toBe(503);
    expect(failure.retryAfter).toBe(2);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(waits).toEqual(['服务暂时不可用（平台繁忙，请 2 秒后再试）', '服务暂时不可用（平台繁忙，请 2 秒后再试）']);
  });

  it('does not ask again after a failure that names no wait', async () => {
    const fetchMock = vi.fn(async () => new Response('', { status: 500 }));
    vi.stubGlobal('fetch', fetchMock);

    await expect(readWhenFree('/api/categories')).rejects.toMatchObject({ status: 500 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
