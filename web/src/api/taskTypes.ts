// Implementation tracking (督查督办) shapes from docs/api.md. Keep in step with the contract.

export type TaskStatus = 'draft' | 'pending_review' | 'assigned' | 'returned' | 'in_progress' | 'completion_requested' | 'closed' | 'archived' | 'withdrawn';
export type SourceKind = 'meeting' | 'instruction' | 'annual' | 'livelihood' | 'safety';
export type Priority = 'urgent' | 'important' | 'normal';
export type Cycle = 'weekly' | 'monthly' | 'quarterly' | 'once';

/** The workflow table's actions, in its order (src/domain/tasks/workflow.ts). */
export type TaskAction =
  | 'edit'
  | 'submit_review'
  | 'approve_review'
  | 'reject_review'
  | 'assign'
  | 'sign'
  | 'return'
  | 'report'
  | 'decompose'
  | 'request_extension'
  | 'request_completion'
  | 'approve_completion'
  | 'request_supplement'
  | 'request_rectify'
  | 'archive'
  | 'withdraw'
  | 'remind'
  | 'issue_order';

/** The workflow table's `needsComment` actions. */
export const COMMENT_ACTIONS: TaskAction[] = ['reject_review', 'return', 'request_extension', 'request_completion', 'request_supplement', 'request_rectify', 'withdraw', 'remind', 'issue_order'];

/** 三色预警: red 逾期, yellow 滞后, blue 临期, green 正常; null when the task is not open. */
export type Light = 'red' | 'yellow' | 'blue' | 'green';
export const LIGHTS: Light[] = ['red', 'yellow', 'blue', 'green'];

export interface LightReason {
  light: Exclude<Light, 'green'>;
  code: string;
  /** Chinese, from the server. */
  message: string;
}

export type LedgerSort = 'deadline' | '-deadline' | 'number' | '-number' | 'updatedAt' | '-updatedAt' | 'percent' | '-percent';

export interface LedgerRow {
  id: string;
  number: string;
  title: string;
  sourceKind: SourceKind;
  sourceId: string | null;
  category: string | null;
  status: TaskStatus;
  priority: Priority;
  deadline: string;
  percent: number;
  leadUnitId: string;
  leadUnitName: string;
  leadLeaderId: string | null;
  leadLeaderTitle: string | null;
  coopUnitNames: string[];
  latestReportAt: string | null;
  latestReportText: string | null;
  parentId: string | null;
  overdue: boolean;
  light: Light | null;
  updatedAt: string;
}

export interface TaskSource {
  id: string;
  kind: SourceKind;
  title: string;
  documentNo: string | null;
  issuedOn: string | null;
  tasks?: number;
  done?: number;
}

export interface Milestone {
  id: string;
  name: string;
  plannedOn: string;
  doneOn: string | null;
  evidence: string | null;
}

export interface Target {
  id: string;
  name: string;
  unit: string;
  targetValue: number;
  latestValue: number | null;
}

export interface TaskRow {
  id: string;
  number: string;
  title: string;
  requirement: string;
  sourceId: string | null;
  sourceKind: SourceKind;
  category: string | null;
  leadLeaderId: string | null;
  leadUnitId: string;
  deadline: string;
  priority: Priority;
  cycle: Cycle;
  cycleDay: number | null;
  status: TaskStatus;
  percent: number;
  parentId: string | null;
  latestReportAt: string | null;
  latestReportText: string | null;
  assignedAt: string | null;
  closedAt: string | null;
  withdrawnReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Task extends TaskRow {
  leadUnit: { id: string; name: string } | null;
  coopUnits: { id: string; name: string }[];
  leadLeader: { id: string; name: string; title: string | null } | null;
  source: TaskSource | null;
  parent: { id: string; number: string; title: string } | null;
  overdue: boolean;
  reportDue: { dueOn: string; late: boolean } | null;
  light: Light | null;
  /** The causes, strongest first; null when the task is not open. */
  lightReasons: LightReason[] | null;
  lightSince: string | null;
}

export interface ProgressReport {
  id: string;
  unitId: string;
  authorName: string;
  text: string;
  percent: number;
  values: Record<string, number>;
  createdAt: string;
}

export interface TimelineEvent {
  id: number;
  at: string;
  actorName: string;
  action: string;
  fromStatus: TaskStatus | null;
  toStatus: TaskStatus | null;
  comment: string | null;
  data: Record<string, unknown> | null;
}

export interface Attachment {
  id: string;
  eventId: number | null;
  filename: string;
  mime: string;
  size: number;
  createdAt?: string;
}

export type ExtensionStage = 'unit_head' | 'supervisor' | 'leader' | 'approved' | 'rejected';

export interface ExtensionRequest {
  id: string;
  reason: string;
  newDeadline: string;
  oldDeadline: string;
  progress: string;
  stage: ExtensionStage;
  createdAt: string;
  decidedAt: string | null;
  canDecide: boolean;
}

export interface ChildTask {
  id: string;
  number: string;
  title: string;
  status: TaskStatus;
  percent: number;
  deadline: string;
  leadUnitId: string;
}

export interface TaskPage {
  task: Task;
  milestones: Milestone[];
  targets: Target[];
  reports: { items: ProgressReport[]; total: number };
  timeline: TimelineEvent[];
  attachments: Attachment[];
  extensions: ExtensionRequest[];
  children: ChildTask[];
  /** 督查室's rating of the closing report (only sent to 督查室). */
  qualityRating: 'excellent' | 'good' | 'poor' | null;
  actions: TaskAction[];
}

export interface TaskInput {
  title: string;
  requirement: string;
  sourceId?: string | null;
  sourceKind: SourceKind;
  category?: string | null;
  leadLeaderId?: string | null;
  leadUnitId: string;
  coopUnitIds: string[];
  deadline: string;
  priority: Priority;
  cycle: Cycle;
  cycleDay?: number | null;
  milestones: { id?: string; name: string; plannedOn: string; doneOn?: string | null; evidence?: string | null }[];
  targets: { id?: string; name: string; unit: string; targetValue: number }[];
}

/** A task in a workbench or overview list. */
export interface BriefTask {
  id: string;
  number: string;
  title: string;
  status: TaskStatus;
  deadline: string;
  percent: number;
  leadUnitName: string;
}

export interface Workbench {
  toSign: BriefTask[];
  toReport: (BriefTask & { due: { dueOn: string; late: boolean } })[];
  toReview: BriefTask[];
  toHandle: BriefTask[];
  toApprove: (BriefTask & { requestId: string; newDeadline: string; reason: string })[];
  reminders: { taskId: string; number: string; title: string; action: string; comment: string | null; at: string; actorName: string }[];
}

export interface LeaderOverview {
  leader: { id: string; name: string; title: string | null };
  unitIds: string[];
  counts: Record<TaskStatus, number>;
  overdue: BriefTask[];
  latestReports: (BriefTask & { latestReportAt: string; latestReportText: string | null })[];
}

export interface TaskImportResult {
  sourceId: string;
  created: number;
  numbers: string[];
}

export interface UploadedFile {
  id: string;
  filename: string;
  size: number;
  mime: string;
}
