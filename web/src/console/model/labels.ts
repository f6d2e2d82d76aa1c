import { CASE_STATUS_NAMES } from '../../shared/caseStatus';
import type { AssigneeKind, CaseStatus } from './types';

export const STATUS_LABELS: Record<CaseStatus, string> = CASE_STATUS_NAMES;

/** Ant Design tag colours (and map marker colours below) per status. */
export const STATUS_COLORS: Record<CaseStatus, string> = {
  REPORTED: 'blue',
  ACCEPTED: 'geekblue',
  DISPATCHED: 'purple',
  CLAIMED: 'cyan',
  RESOLVED: 'gold',
  CLOSED: 'green',
  CANCELLED: 'default',
  RETURNED: 'magenta',
  REOPENED: 'volcano',
  PARKED: 'default',
};

export const STATUS_HEX: Record<CaseStatus, string> = {
  REPORTED: '#1677ff',
  ACCEPTED: '#2f54eb',
  DISPATCHED: '#722ed1',
  CLAIMED: '#13c2c2',
  RESOLVED: '#faad14',
  CLOSED: '#52c41a',
  CANCELLED: '#8c8c8c',
  RETURNED: '#eb2f96',
  REOPENED: '#fa541c',
  PARKED: '#8c8c8c',
};

export const ACTION_LABELS: Record<string, string> = {
  REPORT: '上报',
  REPORTED: '上报',
  ACCEPT: '立案',
  CANCEL: '作废',
  DISPATCH: '派遣',
  CLAIM: '接单',
  RETURN: '退回',
  RESOLVE: '办结',
  VERIFY: '核查',
  PASS_VERIFICATION: '核查通过',
  FAIL_VERIFICATION: '核查不通过',
  PARK: '挂起',
  TAKE_UP: '销账恢复',
  TAKEN_UP: '销账恢复',
  REOPEN: '重新办理',
  ESCALATE: '上报上级',
  WHISTLE: '吹哨',
  REPORT_IN: '报到',
  EXTEND: '延时',
  SUPERVISE: '督办',
  PAUSE: '暂停计时',
  RESUME: '恢复计时',
  LOCATE: '定位',
  ATTACHMENTS_ADDED: '添加照片',
  RATED: '评价',
  REWORK: '发回重办',
  SLA_WARNING: '时限预警',
  OVERDUE: '超时',
};

export function actionLabel(action: string): string {
  const key = action.toUpperCase().replace(/[-\s]/g, '_');
  return ACTION_LABELS[key] ?? action;
}

export const LEVEL_LABELS: Record<string, string> = {
  GRID: '网格',
  COMMUNITY: '社区',
  STREET: '街道',
  DISTRICT: '区',
};

export const ASSIGNEE_KIND_LABELS: Record<AssigneeKind, string> = {
  DEPARTMENT: '职能部门',
  PARTY_MEMBER: '党员',
  GRID_WORKER: '网格员',
};

export const CHANNEL_LABELS: Record<string, string> = {
  RESIDENT_APP: '居民端',
  GRID_WORKER: '网格员上报',
  PART_TIME_WORKER: '兼职网格员上报',
  HOTLINE_12345: '12345热线',
  WISH_WALL: '微心愿',
  WALK_IN: '来访代登记',
  PHONE_CALL: '来电代登记',
};

export const STAGE_LABELS: Record<string, string> = {
  RESPOND: '响应',
  RESOLVE: '处置',
  VERIFY: '核查',
};

export const ROLE_LABELS: Record<string, string> = {
  community_staff: '社区工作人员',
  street_staff: '街道工作人员',
  department_staff: '部门工作人员',
  district_admin: '区级管理员',
  platform_admin: '平台管理员',
  grid_worker: '网格员',
  party_member: '党员',
};

const PHOTO_STAGES: Record<string, string> = { REPORT: '上报', RESOLUTION: '处置', NOTE: '工作' };

/** A history entry's note as the console shows it: case-service notes added photos as "2 photo(s), RESOLUTION". */
export function historyNote(action: string, note?: string | null): string | undefined {
  if (action === 'ATTACHMENTS_ADDED') {
    const photos = /^(\d+) photo\(s\), (\w+)$/.exec(note ?? '');
    if (photos) return `${PHOTO_STAGES[photos[2]] ?? ''}照片 ${photos[1]} 张`;
  }
  return note ?? undefined;
}

/** What a case's externalId is, by where the case came from: a 12345 work order or a wish's id. */
export function externalIdLabel(channel: string): string {
  switch (channel) {
    case 'HOTLINE_12345':
      return '热线工单';
    case 'WISH_WALL':
      return '微心愿编号';
    default:
      return '外部编号';
  }
}
