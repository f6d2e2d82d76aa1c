import { describe, expect, it } from 'vitest';
import { parseEvent } from './live';

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
