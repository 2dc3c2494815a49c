// Implementation tracking (督查督办) shapes: aliases of the server's types (src/shared/api-types.ts), never copies.
import type * as api from '../../../src/shared/api-types';

export type TaskStatus = api.TaskStatus;
export type SourceKind = api.TaskSourceKind;
export type Priority = api.TaskPriority;
export type Cycle = api.TaskCycle;
/** The workflow table's actions (src/domain/tasks/workflow.ts). */
export type TaskAction = api.TaskAction;

/** The workflow table's `needsComment` actions. */
export const COMMENT_ACTIONS: TaskAction[] = [
  'reject_review',
  'return',
  'request_extension',
  'request_completion',
  'request_supplement',
  'request_rectify',
  'withdraw',
  'remind',
  'issue_order',
];

/** 三色预警: red 逾期, yellow 滞后, blue 临期, green 正常; null when the task is not open. */
export type Light = api.Light;
export const LIGHTS: Light[] = ['red', 'yellow', 'blue', 'green'];
export type LightReason = api.LightReason;

export type LedgerSort = api.LedgerSort;
export type LedgerPage = api.LedgerPage;
export type LedgerRow = LedgerPage['items'][number];

export type TaskPage = api.TaskPage;
export type Task = TaskPage['task'];
export type TaskRow = Omit<Task, 'leadUnit' | 'coopUnits' | 'leadLeader' | 'source' | 'parent' | 'overdue' | 'reportDue'>;
export type TaskSource = api.TaskSourceRow;
export type Milestone = TaskPage['milestones'][number];
export type Target = TaskPage['targets'][number];
export type ProgressReport = TaskPage['reports']['items'][number];
export type TimelineEvent = TaskPage['timeline'][number];
export type Attachment = TaskPage['attachments'][number];
export type ExtensionStage = TaskPage['extensions'][number]['stage'];
export type ExtensionRequest = TaskPage['extensions'][number];
export type ChildTask = TaskPage['children'][number];

export type TaskInput = api.TaskInput;

export type Workbench = api.Workbench;
/** A task in a workbench or overview list. */
export type BriefTask = Workbench['toSign'][number];
export type LeaderOverview = api.LeaderOverview;

export type TaskImportResult = api.TaskImportResult;
export type UploadedFile = api.UploadedFile;
