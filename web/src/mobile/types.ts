// The shapes of the API answers the phone pages read (case-service, grid-service,
// evaluation-service), as far as the pages use them.

export type Datatype = 'STRING' | 'NUMBER' | 'BOOLEAN' | 'DATETIME' | 'SINGLE_VALUE' | 'MULTI_VALUE';

/** An extra question of a category (Open311 style). */
export interface Question {
  code: string;
  label: string;
  datatype: Datatype;
  required?: boolean;
  allowedValues?: string[] | null;
  description?: string | null;
}

export interface Category {
  code: string;
  name: string;
  kind: 'COMPLAINT' | 'SERVICE_REQUEST' | string;
  attributes: Question[];
  emergencyLimits?: unknown;
  active: boolean;
}

export interface Point {
  lon: number;
  lat: number;
}

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

export interface Case {
  id: string;
  number: string;
  status: CaseStatus;
  categoryCode: string;
  categoryName?: string;
  description: string;
  point?: Point | null;
  locationDescription?: string | null;
  channel: string;
  located: boolean;
  gridCode?: string | null;
  gridName?: string | null;
  possibleDuplicateOf?: string | null;
  reportedAt: string;
  closedAt?: string | null;
  expectedCompletion?: string | null;
  waitingForResident?: boolean;
  overdue?: boolean;
  reportedByCaller: boolean;
  assignee?: { kind: string; id: string; displayName?: string } | null;
  version: number;
}

export interface CasePage {
  items: Case[];
  page: number;
  size: number;
  totalItems: number;
}

export interface HistoryEntry {
  version: number;
  action: string;
  from?: CaseStatus | null;
  to?: CaseStatus | null;
  by?: string | null;
  at: string;
  note?: string | null;
}

export type AttachmentStage = 'REPORT' | 'RESOLUTION' | 'NOTE';

export interface Attachment {
  id: string;
  stage: AttachmentStage;
  contentType: string;
  size: number;
  width?: number;
  height?: number;
  createdAt: string;
}

export interface Grid {
  code: string;
  name: string;
  level: string;
  communityId?: string;
  orgPath?: string;
  retired: boolean;
  boundary?: GeoJsonGeometry;
}

export interface GeoJsonGeometry {
  type: 'Polygon' | 'MultiPolygon' | string;
  coordinates: unknown;
}

export interface GridFeature {
  type: 'Feature';
  id?: string;
  properties: { code: string; name: string; level: string; parentCode?: string | null; communityId?: string | null };
  geometry: GeoJsonGeometry;
}

export interface Located {
  code: string;
  name?: string;
  level: string;
  communityId?: string;
  orgPath?: string;
}

export type Satisfaction = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED';

/** The rating of a case's latest closure; after a rework (发回重办) the earlier ones come along. */
export interface Rating {
  ratingId: string;
  caseId: string;
  satisfaction: Satisfaction;
  comment?: string | null;
  closedAt?: string | null;
  ratedAt: string;
  round?: number;
  earlier?: { satisfaction: Satisfaction; comment?: string | null; closedAt?: string | null; ratedAt: string }[];
}
