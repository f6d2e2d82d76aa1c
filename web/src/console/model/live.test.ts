import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setSession } from '../../shared/auth';
import { CaseChanges, parseEvent } from './live';

describe('parseEvent', () => {
  it('reads a case-changed event', () => {
    const change = parseEvent('event: case-changed\ndata: {"caseId":"c1","type":"org.grassroots.case.accepted","status":"ACCEPTED"}');
    expect(change).toEqual({ caseId: 'c1', type: 'org.grassroots.case.accepted', status: 'ACCEPTED' });
  });

  it('ignores heartbeats and other events', () => {
    expect(parseEvent(': heartbeat')).toBeUndefined();
    expect(parseEvent('event: other\ndata: {}')).toBeUndefined();
  });
});

/** A stream body of these SSE blocks; it ends after them unless it stays open. */
function events(blocks: string[], stayOpen = false): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      blocks.forEach((block) => controller.enqueue(encoder.encode(`${block}\n\n`)));
      if (!stayOpen) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('CaseChanges', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setSession({
      user: { id: 'u1', username: 'dispatcher1', name: '刘芳', roles: ['community_staff'] },
      token: () => Promise.resolve('token'),
      hasRole: () => true,
      login: () => Promise.resolve(),
      logout: () => Promise.resolve(),
    });
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    setSession(undefined);
  });

  it('tells its listeners to look again when the stream opens again, not when it first opens', async () => {
    const answers = [
      // The first stream tells one change, then ends (its token expired, or the connection dropped).
      events([': connected', 'event: case-changed\ndata: {"caseId":"c1","type":"org.grassroots.case.reported"}']),
      events([': connected'], true),
    ];
    const fetchStream = vi.fn(() => Promise.resolve(answers.shift() as Response));
    vi.stubGlobal('fetch', fetchStream);
    const told: (string | undefined)[] = [];

    const changes = new CaseChanges();
    changes.subscribe((change) => told.push(change?.caseId));
    await vi.advanceTimersByTimeAsync(0);
    expect(told).toEqual(['c1']);
    expect(changes.mode).toBe('stream');

    // It opens again 5 s later; what happened in between was told by nobody.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetchStream).toHaveBeenCalledTimes(2);
    expect(told).toEqual(['c1', undefined]);
    expect(changes.mode).toBe('stream');
  });
});
