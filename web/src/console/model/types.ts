/** The shapes the case-service API answers with (CaseResponse, CasePageResponse, CaseHistoryResponse). */
export type CaseStatus =
  | 'REPORTED'
  | 'ACCEPTED'
  | 'DISPATCHED'
  | 'CLAIMED'
  | 'RESOLVED'
  | 'CLOSED'
  | 'CANCELLED'
  | 'RETURNED'
  | 'REOPENED'
  | 'PARKED';

export type AssigneeKind = 'DEPARTMENT' | 'PARTY_MEMBER' | 'GRID_WORKER';

export interface GeoPoint {
  lon: number;
  lat: number;
}

export interface Assignee {
  kind: AssigneeKind;
  id: string;
  displayName?: string;
}

export interface Deadlines {
  respondBy?: string;
  resolveBy?: string;
  verifyBy?: string;
}

export interface Summons {
  departmentId: string;
  summonedAt: string;
  reportedIn: boolean;
  reportedInAt?: string;
}

/** One stage's time limit as the API reads it at the moment of the answer (case-service's StageStatus). */
export interface StageStatus {
  stage: 'RESPOND' | 'RESOLVE' | 'VERIFY';
  limit: string;
  extensions?: string[];
  startedAt?: string | null;
  stoppedAt?: string | null;
  /** Null before the stage starts and while it is paused. */
  deadline?: string | null;
  allowedMinutes: number;
  usedMinutes: number;
  usedPercent: number;
  overdue: boolean;
  pausedSince?: string | null;
}

export interface CaseView {
  id: string;
  number: string;
  status: CaseStatus;
  categoryCode: string;
  categoryName?: string;
  description: string;
  point?: GeoPoint;
  locationDescription?: string;
  channel: string;
  level: 'GRID' | 'COMMUNITY' | 'STREET' | 'DISTRICT';
  orgPath: string;
  located: boolean;
  unlocatedReason?: string;
  gridCode?: string;
  gridName?: string;
  communityId?: string;
  streetId?: string;
  possibleDuplicateOf?: string;
  externalId?: string;
  reportedAt: string;
  closedAt?: string;
  assignee?: Assignee;
  emergency: boolean;
  deadlines?: Deadlines;
  expectedCompletion?: string;
  waitingForResident: boolean;
  supervised: boolean;
  overdue: boolean;
  summons: Summons[];
  reportedByCaller: boolean;
  version: number;
  /** The stage whose time limit runs now, with its start and deadline; null when none runs. */
  currentStage?: StageStatus | null;
}

export interface CasePage {
  items: CaseView[];
  page: number;
  size: number;
  totalItems: number;
}

export interface HistoryEntry {
  version: number;
  action: string;
  from?: CaseStatus;
  to?: CaseStatus;
  by?: string;
  at: string;
  note?: string;
}

export const OPEN_STATUSES: CaseStatus[] = ['REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'RESOLVED', 'RETURNED', 'REOPENED'];
