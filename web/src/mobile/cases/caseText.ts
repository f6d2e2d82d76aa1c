import type { CaseStatus, HistoryEntry, Satisfaction } from '../types';

// How a case reads to the resident who reported it: plain words, not workflow terms.

export const STATUS_TEXT: Record<CaseStatus, string> = {
  REPORTED: '已提交，待受理',
  ACCEPTED: '已受理',
  DISPATCHED: '已派单',
  CLAIMED: '处理中',
  RESOLVED: '已处理，待核查',
  CLOSED: '已办结',
  CANCELLED: '未予受理',
  RETURNED: '重新派单中',
  REOPENED: '重新办理中',
  PARKED: '已列入长期问题',
};

/** A colour per stage: waiting (grey-blue), in hand (blue), done (green), stopped (grey). */
export function statusTone(status: CaseStatus): 'wait' | 'work' | 'done' | 'stop' {
  switch (status) {
    case 'REPORTED':
      return 'wait';
    case 'CLOSED':
      return 'done';
    case 'CANCELLED':
    case 'PARKED':
      return 'stop';
    default:
      return 'work';
  }
}

const ACTION_TEXT: Record<string, string> = {
  REPORTED: '提交反映',
  ACCEPT: '社区受理',
  CANCEL: '不予受理',
  DISPATCH: '派单',
  CLAIM: '承办单位接单',
  RETURN: '承办单位退回，重新派单',
  RESOLVE: '处理完成',
  PASS_VERIFICATION: '现场核查通过，办结',
  FAIL_VERIFICATION: '现场核查未通过，重新办理',
  PARK: '列入长期问题台账',
  REOPEN: '发回重办',
  ESCALATE: '提级办理',
  WHISTLE: '吹哨，相关部门报到',
  REPORT_IN: '部门报到',
  EXTEND: '延长办理时限',
  SUPERVISE: '督办',
  PAUSE: '等待您补充情况',
  RESUME: '继续办理',
  OVERDUE: '超过办理时限，已督办',
  LOCATE: '确认位置',
  ATTACHMENTS_ADDED: '添加照片',
};

/** Steps a resident has no use for (time-limit warnings are for staff). */
const HIDDEN = new Set(['SLA_WARNING']);

/** Steps whose note a person wrote (a reason, what was done); the platform's own notes are for staff. */
const WRITTEN_BY_PEOPLE = new Set([
  'ACCEPT',
  'CANCEL',
  'DISPATCH',
  'RETURN',
  'RESOLVE',
  'PASS_VERIFICATION',
  'FAIL_VERIFICATION',
  'PARK',
  'REOPEN',
  'WHISTLE',
  'EXTEND',
  'PAUSE',
]);

const PHOTO_STAGE: Record<string, string> = { REPORT: '反映时', RESOLUTION: '处理后', NOTE: '办理中' };

function noteOf(entry: HistoryEntry): string | undefined {
  if (entry.action === 'ATTACHMENTS_ADDED') {
    // case-service writes "2 photo(s), RESOLUTION".
    const photos = /^(\d+) photo\(s\), (\w+)$/.exec(entry.note ?? '');
    return photos ? `${PHOTO_STAGE[photos[2]] ?? ''}照片 ${photos[1]} 张` : undefined;
  }
  return WRITTEN_BY_PEOPLE.has(entry.action) ? (entry.note ?? undefined) : undefined;
}

export function timeline(history: HistoryEntry[]): { at: string; text: string; note?: string }[] {
  return history
    .filter((entry) => !HIDDEN.has(entry.action))
    .map((entry) => ({ at: entry.at, text: ACTION_TEXT[entry.action] ?? entry.action, note: noteOf(entry) }));
}

export const SATISFACTION_TEXT: Record<Satisfaction, string> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
};

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** 2026/11/21 09:30 in China time, wherever the phone is set. */
export function chinaTime(iso: string | null | undefined): string {
  return iso ? TIME.format(new Date(iso)) : '';
}
