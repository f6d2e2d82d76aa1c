import { currentSession } from '../../shared/auth';

/** One `case-changed` event of GET /api/cases/changes. */
export interface CaseChange {
  caseId: string;
  number?: string;
  type: string;
  status?: string;
  orgPath?: string;
  version?: number;
  occurredAt?: string;
}

export type LiveMode = 'connecting' | 'stream' | 'polling';

type Listener = (change: CaseChange | undefined) => void;
type ModeListener = (mode: LiveMode) => void;

const POLL_MS = 15_000;
const RETRY_MS = 5_000;

/**
 * New work without a reload: reads the server-sent events stream of case changes in the caller's
 * scope. EventSource cannot send a bearer token, so the stream is read with fetch. Where the
 * stream does not exist (an older case-service: 404) or keeps failing, listeners are told every
 * 15 s instead (a change of undefined: "look again"), which is the polling fallback. A stream only
 * tells what happens while it is open, so each time it opens again (it ends when the token expires,
 * or the connection drops) listeners are told to look again for what happened in between.
 */
export class CaseChanges {
  private listeners = new Set<Listener>();
  private modeListeners = new Set<ModeListener>();
  private started = false;
  private failures = 0;
  private connectedBefore = false;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  mode: LiveMode = 'connecting';

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  }

  onMode(listener: ModeListener): () => void {
    this.modeListeners.add(listener);
    listener(this.mode);
    return () => this.modeListeners.delete(listener);
  }

  private setMode(mode: LiveMode) {
    this.mode = mode;
    this.modeListeners.forEach((l) => l(mode));
    if (mode === 'polling' && !this.pollTimer) {
      this.pollTimer = setInterval(() => this.emit(undefined), POLL_MS);
    }
    if (mode === 'stream' && this.pollTimer) {
      clearInterval(this.pollTimer);
      this.pollTimer = undefined;
    }
  }

  private emit(change: CaseChange | undefined) {
    this.listeners.forEach((l) => l(change));
  }

  private start() {
    if (this.started) {
      return;
    }
    this.started = true;
    void this.connect();
  }

  private async connect(): Promise<void> {
    const session = currentSession();
    if (!session) {
      this.setMode('polling');
      return;
    }
    let response: Response;
    try {
      response = await fetch('/api/cases/changes', {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${await session.token()}` },
      });
    } catch {
      return this.retry();
    }
    if (response.status === 404 || response.status === 405 || !response.body) {
      // No stream in this deployment: poll, and try the stream again now and then.
      this.setMode('polling');
      setTimeout(() => void this.connect(), 60_000);
      return;
    }
    if (!response.ok) {
      return this.retry();
    }
    this.failures = 0;
    this.setMode('stream');
    if (this.connectedBefore) {
      this.emit(undefined);
    }
    this.connectedBefore = true;
    try {
      await this.read(response.body);
    } catch {
      // The connection dropped (a restart, a proxy timeout): reconnect below.
    }
    return this.retry();
  }

  private retry(): Promise<void> {
    this.failures += 1;
    if (this.failures >= 2) {
      this.setMode('polling');
    }
    setTimeout(() => void this.connect(), RETRY_MS);
    return Promise.resolve();
  }

  private async read(body: ReadableStream<Uint8Array>) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        const change = parseEvent(block);
        if (change) {
          this.emit(change);
        }
      }
    }
  }
}

/** One SSE block: `event:` and `data:` lines; comments (heartbeats) start with ':'. */
export function parseEvent(block: string): CaseChange | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') {
      event = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  if (event !== 'case-changed' || data.length === 0) {
    return undefined;
  }
  try {
    return JSON.parse(data.join('\n')) as CaseChange;
  } catch {
    return undefined;
  }
}

export const caseChanges = new CaseChanges();
