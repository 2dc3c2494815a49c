// Shapes from docs/api.md. Keep in step with the contract.

export type RoleId =
  | 'sysadmin'
  | 'secadmin'
  | 'auditor'
  | 'supervisor'
  | 'leader'
  | 'unit_head'
  | 'unit_clerk'
  | 'evaluator'
  | 'viewer'
  | 'enterprise';

export type Permission =
  | 'org.read'
  | 'org.write'
  | 'people.read'
  | 'people.write'
  | 'accounts.read'
  | 'accounts.manage'
  | 'roles.assign'
  | 'audit.read'
  | 'tasks.read'
  | 'tasks.manage'
  | 'mujun.read'
  | 'mujun.manage'
  | 'mujun.appeal';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: RoleId[];
  unitId: string | null;
  unitName: string | null;
  personId: string | null;
  mustChangePassword: boolean;
  permissions: Permission[];
}

export interface SessionAnswer {
  user: Me;
  csrfToken: string;
}

export interface Labelled {
  id: string;
  zh: string;
  en: string;
}

export interface Meta {
  districtName: string;
  roles: Labelled[];
  unitKinds: Labelled[];
  /** Tracking labels (docs/api.md, 督查督办); absent from older servers. */
  taskStatuses?: Labelled[];
  sourceKinds?: Labelled[];
  priorities?: Labelled[];
  cycles?: Labelled[];
  taskActions?: Labelled[];
}

export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  database: { driver: 'pglite' | 'postgres'; ok: boolean };
}

export type UnitKind =
  | 'government'
  | 'office'
  | 'supervision'
  | 'department'
  | 'township'
  | 'street'
  | 'park'
  | 'other';

export interface Unit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentId: string | null;
  sortOrder: number;
  active: boolean;
}

export interface Person {
  id: string;
  name: string;
  unitId: string;
  unitName: string | null;
  title: string | null;
  phone: string | null;
  isLeader: boolean;
  active: boolean;
}

export interface Leader {
  personId: string;
  name: string;
  title: string | null;
  unitIds: string[];
  units: { id: string; name: string }[];
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  unitName: string | null;
  personId: string | null;
  roles: RoleId[];
  active: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
}

export interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ImportResult {
  created: number;
  updated: number;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}
