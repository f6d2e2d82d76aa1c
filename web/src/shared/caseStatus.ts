/** Case states as staff and residents read them (the API's `status`), one list for every page. */
export const CASE_STATUS_NAMES = {
  REPORTED: '待受理',
  ACCEPTED: '已立案',
  DISPATCHED: '已派遣',
  CLAIMED: '处置中',
  RESOLVED: '待核查',
  CLOSED: '已结案',
  CANCELLED: '已作废',
  RETURNED: '已退回',
  REOPENED: '发回重办',
  PARKED: '已挂起',
} as const;
