// Answers of /api/dashboard, /api/scores and /api/webhooks (see docs/api.md).
import type { Light, TaskStatus } from './taskTypes';

/** A ledger filter as the server builds it; arrays become comma lists in the URL. */
export type LedgerFilter = Record<string, string | number | boolean | string[] | null | undefined>;
export interface Figure {
  n: number;
  filter: LedgerFilter;
}
export type ByLight = Record<Light, Figure>;
export type ByStatus = Record<TaskStatus, Figure>;
export interface RateRow {
  id: string;
  name: string;
  total: Figure;
  closed: Figure;
  closedOnTime: Figure;
  /** Handed over, still open, past the deadline. */
  openOverdue: Figure;
  completionRate: number | null;
  /** Closed on time ÷ (closed + open overdue). */
  onTimeRate: number | null;
}
export interface OverdueItem {
  id: string;
  number: string;
  title: string;
  deadline: string;
  status: TaskStatus;
  light: Light | null;
  percent: number;
  leadUnitId: string;
  leadUnitName: string;
  daysOverdue: number;
}
export interface Overdue {
  total: Figure;
  items: OverdueItem[];
}
export interface MonthPoint {
  month: string;
  opened: Figure;
  closed: Figure;
}
export interface SourceRow {
  id: string;
  kind: string;
  title: string;
  issuedOn: string | null;
  total: Figure;
  closed: Figure;
  completionRate: number | null;
  avgPercent: number | null;
}

export interface DirectiveRow {
  id: string;
  meetingId: string;
  meetingTitle: string;
  heldOn: string | null;
  marker: string;
  standard: string | null;
  field: string | null;
  total: Figure;
  closed: Figure;
  completionRate: number | null;
  avgPercent: number | null;
}

export interface ScoreScheme {
  base: number;
  onTimeReport: number;
  closedOnTime: number;
  overdue: number;
  returned: number;
  red: number;
  quality: { excellent: number; good: number; poor: number };
}
export interface ScoreItem {
  item: string;
  label: string;
  count: number;
  points: number;
  subtotal: number;
  text: string;
}
export interface UnitScore {
  unitId: string;
  unitName: string;
  score: number;
  rank: number;
  breakdown: ScoreItem[];
}
export interface Scores {
  from: string;
  to: string;
  scheme: ScoreScheme;
  items: UnitScore[];
}

export type RobotKind = 'dingtalk' | 'wecom';
export interface Robot {
  id: string;
  unitId: string;
  unitName: string;
  kind: RobotKind;
  url: string;
  secret: string | null;
  hasSecret: boolean;
  active: boolean;
  quietStart: string | null;
  quietEnd: string | null;
}
export interface Delivery {
  id: string;
  configId: string;
  kind: RobotKind;
  unitId: string;
  unitName: string;
  taskId: string | null;
  dedupeKey: string;
  payload: unknown;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}
