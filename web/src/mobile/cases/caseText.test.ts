import { describe, expect, it } from 'vitest';
import { chinaTime, timeline } from './caseText';

describe('a case’s timeline as the resident reads it', () => {
  it('names each step in plain words, keeps what people wrote and leaves out the platform’s own notes', () => {
    const steps = timeline([
      { version: 1, action: 'REPORTED', to: 'REPORTED', at: '2026-12-03T06:48:00Z' },
      { version: 2, action: 'ATTACHMENTS_ADDED', at: '2026-12-03T06:48:05Z', note: '1 photo(s), REPORT' },
      { version: 3, action: 'SLA_WARNING', at: '2026-12-03T08:00:00Z', note: '50% of the respond time limit used' },
      { version: 4, action: 'ACCEPT', at: '2026-12-03T08:10:00Z', note: '请城管局清运' },
      { version: 5, action: 'OVERDUE', at: '2026-12-04T08:10:00Z', note: 'resolve time limit passed at …' },
      { version: 6, action: 'ATTACHMENTS_ADDED', at: '2026-12-04T09:00:00Z', note: '2 photo(s), RESOLUTION' },
    ]);
    expect(steps).toEqual([
      { at: '2026-12-03T06:48:00Z', text: '提交反映', note: undefined },
      { at: '2026-12-03T06:48:05Z', text: '添加照片', note: '反映时照片 1 张' },
      { at: '2026-12-03T08:10:00Z', text: '社区受理', note: '请城管局清运' },
      { at: '2026-12-04T08:10:00Z', text: '超过办理时限，已督办', note: undefined },
      { at: '2026-12-04T09:00:00Z', text: '添加照片', note: '处理后照片 2 张' },
    ]);
  });

  it('tells times in China time', () => {
    expect(chinaTime('2026-12-03T06:48:00Z')).toBe('2026/12/03 14:48');
  });
});
