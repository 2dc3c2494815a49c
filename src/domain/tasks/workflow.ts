/**
 * The key-task workflow (督办事项): states, and the one declared table of which role, in which relation to the task,
 * may take which action from which state. Services and the UI both read this table.
 */
export const TASK_STATUSES = [
  'draft',
  'pending_review',
  'assigned',
  'returned',
  'in_progress',
  'completion_requested',
  'closed',
  'archived',
  'withdrawn',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const STATUS_LABELS: Record<TaskStatus, { zh: string; en: string }> = {
  draft: { zh: '立项', en: 'Draft' },
  pending_review: { zh: '待领导审核', en: 'Awaiting leader review' },
  assigned: { zh: '已交办待签收', en: 'Assigned' },
  returned: { zh: '已退回', en: 'Returned' },
  in_progress: { zh: '办理中', en: 'In progress' },
  completion_requested: { zh: '申请办结待复核', en: 'Completion requested' },
  closed: { zh: '已办结', en: 'Closed' },
  archived: { zh: '已销号', en: 'Archived' },
  withdrawn: { zh: '已撤销', en: 'Withdrawn' },
};

/** States in which a task is still being worked on (counted as open, can become overdue). */
export const OPEN_STATUSES: readonly TaskStatus[] = [
  'pending_review',
  'assigned',
  'returned',
  'in_progress',
  'completion_requested',
];
export const TERMINAL_STATUSES: readonly TaskStatus[] = ['archived', 'withdrawn'];

export const SOURCE_KINDS = {
  meeting: { zh: '会议决策', en: 'Meeting directive' },
  instruction: { zh: '领导批示', en: "Leader's instruction" },
  annual: { zh: '年度重点工作', en: 'Annual key work' },
  livelihood: { zh: '民生实事', en: 'Livelihood project' },
  safety: { zh: '安全生产', en: 'Work safety' },
  project: { zh: '重大项目', en: 'Industrial project' },
} as const;
export type SourceKind = keyof typeof SOURCE_KINDS;
export const SOURCE_KIND_IDS = Object.keys(SOURCE_KINDS) as [SourceKind, ...SourceKind[]];

export const PRIORITIES = {
  urgent: { zh: '紧急', en: 'Urgent' },
  important: { zh: '重要', en: 'Important' },
  normal: { zh: '一般', en: 'Normal' },
} as const;
export type Priority = keyof typeof PRIORITIES;
export const PRIORITY_IDS = Object.keys(PRIORITIES) as [Priority, ...Priority[]];

export const CYCLES = {
  weekly: { zh: '每周', en: 'Weekly' },
  monthly: { zh: '每月', en: 'Monthly' },
  quarterly: { zh: '每季度', en: 'Quarterly' },
  once: { zh: '一次性', en: 'Once' },
} as const;
export type Cycle = keyof typeof CYCLES;
export const CYCLE_IDS = Object.keys(CYCLES) as [Cycle, ...Cycle[]];

/**
 * How the actor stands to the task: `any` (role suffices), `lead_unit` (a member of the lead unit), `involved_unit`
 * (lead or cooperating unit), `lead_leader` (the task's lead leader).
 */
export type Relation = 'any' | 'lead_unit' | 'involved_unit' | 'lead_leader';

export const TASK_ACTIONS = [
  'edit',
  'submit_review',
  'approve_review',
  'reject_review',
  'assign',
  'sign',
  'return',
  'report',
  'decompose',
  'request_extension',
  'request_completion',
  'approve_completion',
  'request_supplement',
  'request_rectify',
  'archive',
  'withdraw',
  'remind',
  'issue_order',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export interface Transition {
  from: readonly TaskStatus[];
  /** The new state; absent when the action leaves the state as it is. */
  to?: TaskStatus;
  roles: readonly string[];
  relation: Relation;
  /** A comment (reason) is required. */
  needsComment?: boolean;
  /** A further condition on the task and the date; returns why not (Chinese), or null. */
  guard?: (task: TaskFacts, today: string) => string | null;
  zh: string;
  en: string;
}

const UNIT = ['unit_head', 'unit_clerk'] as const;
const SUP = ['supervisor'] as const;
const WORKING: readonly TaskStatus[] = ['assigned', 'in_progress', 'completion_requested'];

/** The workflow table (roles × states), like OpenProject's: the only place that says who may do what, when. */
export const WORKFLOW: Record<TaskAction, Transition> = {
  edit: {
    from: ['draft', 'returned', 'pending_review', 'assigned', 'in_progress'],
    roles: SUP,
    relation: 'any',
    zh: '修改',
    en: 'Edit',
  },
  submit_review: {
    from: ['draft', 'returned'],
    to: 'pending_review',
    roles: SUP,
    relation: 'any',
    zh: '提交领导审核',
    en: 'Submit for review',
  },
  approve_review: {
    from: ['pending_review'],
    to: 'assigned',
    roles: ['leader'],
    relation: 'lead_leader',
    zh: '审核通过并交办',
    en: 'Approve and assign',
  },
  reject_review: {
    from: ['pending_review'],
    to: 'draft',
    roles: ['leader'],
    relation: 'lead_leader',
    needsComment: true,
    zh: '审核退回',
    en: 'Send back',
  },
  assign: { from: ['draft', 'returned'], to: 'assigned', roles: SUP, relation: 'any', zh: '交办', en: 'Assign' },
  sign: { from: ['assigned'], to: 'in_progress', roles: UNIT, relation: 'lead_unit', zh: '签收', en: 'Accept' },
  return: {
    from: ['assigned'],
    to: 'returned',
    roles: UNIT,
    relation: 'lead_unit',
    needsComment: true,
    zh: '退回',
    en: 'Return',
  },
  report: { from: ['in_progress'], roles: UNIT, relation: 'involved_unit', zh: '报送进展', en: 'Report progress' },
  decompose: { from: ['in_progress'], roles: UNIT, relation: 'lead_unit', zh: '分解任务', en: 'Split into sub-tasks' },
  request_extension: {
    from: ['assigned', 'in_progress'],
    roles: UNIT,
    relation: 'lead_unit',
    needsComment: true,
    guard: (task, today) => (today > task.deadline ? '已超过完成时限，不能再申请延期' : null),
    zh: '申请延期',
    en: 'Request extension',
  },
  request_completion: {
    from: ['in_progress'],
    to: 'completion_requested',
    roles: UNIT,
    relation: 'lead_unit',
    needsComment: true,
    zh: '申请办结',
    en: 'Request completion',
  },
  approve_completion: {
    from: ['completion_requested'],
    to: 'closed',
    roles: SUP,
    relation: 'any',
    zh: '同意办结',
    en: 'Approve completion',
  },
  request_supplement: {
    from: ['completion_requested'],
    to: 'in_progress',
    roles: SUP,
    relation: 'any',
    needsComment: true,
    zh: '补充办理',
    en: 'Ask for more',
  },
  request_rectify: {
    from: ['completion_requested'],
    to: 'in_progress',
    roles: SUP,
    relation: 'any',
    needsComment: true,
    zh: '退回整改',
    en: 'Send back to rectify',
  },
  archive: { from: ['closed'], to: 'archived', roles: SUP, relation: 'any', zh: '销号', en: 'Archive' },
  withdraw: {
    from: ['draft', 'pending_review', 'assigned', 'returned', 'in_progress', 'completion_requested'],
    to: 'withdrawn',
    roles: SUP,
    relation: 'any',
    needsComment: true,
    zh: '撤销',
    en: 'Withdraw',
  },
  remind: { from: WORKING, roles: SUP, relation: 'any', needsComment: true, zh: '催办', en: 'Remind' },
  issue_order: {
    from: WORKING,
    roles: SUP,
    relation: 'any',
    needsComment: true,
    zh: '下发督办单',
    en: 'Issue supervision order',
  },
};

/** Stages of an extension request: the unit head, then the supervision office, then the lead leader. */
export const EXTENSION_STAGES = ['unit_head', 'supervisor', 'leader'] as const;
export type ExtensionStage = (typeof EXTENSION_STAGES)[number];

export interface TaskFacts {
  status: TaskStatus;
  /** YYYY-MM-DD */
  deadline: string;
  leadUnitId: string;
  coopUnitIds: readonly string[];
  leadLeaderId: string | null;
}

export interface ActorFacts {
  roles: readonly string[];
  unitId: string | null;
  personId: string | null;
}

export function relationHolds(relation: Relation, task: TaskFacts, actor: ActorFacts): boolean {
  switch (relation) {
    case 'any':
      return true;
    case 'lead_unit':
      return actor.unitId === task.leadUnitId;
    case 'involved_unit':
      return actor.unitId !== null && (actor.unitId === task.leadUnitId || task.coopUnitIds.includes(actor.unitId));
    case 'lead_leader':
      return actor.personId !== null && actor.personId === task.leadLeaderId;
  }
}

/** Why the actor may not take the action now (Chinese), or null when they may. `today` is the district's date. */
export function refusal(
  action: TaskAction,
  task: TaskFacts,
  actor: ActorFacts,
  today: string,
): { code: 'FORBIDDEN' | 'INVALID_STATE'; message: string } | null {
  const t = WORKFLOW[action];
  if (!t.roles.some((r) => actor.roles.includes(r)) || !relationHolds(t.relation, task, actor)) {
    return { code: 'FORBIDDEN', message: `您无权对此事项执行“${t.zh}”` };
  }
  if (!t.from.includes(task.status)) {
    return { code: 'INVALID_STATE', message: `事项当前状态为“${STATUS_LABELS[task.status].zh}”，不能执行“${t.zh}”` };
  }
  const why = t.guard?.(task, today);
  return why ? { code: 'INVALID_STATE', message: why } : null;
}

/** Every action the actor may take on the task now, in table order (the task page shows these). */
export function allowedActions(task: TaskFacts, actor: ActorFacts, today: string): TaskAction[] {
  return TASK_ACTIONS.filter((a) => refusal(a, task, actor, today) === null);
}

/** Who must decide an extension request at its stage. */
export function canDecideExtension(stage: ExtensionStage, task: TaskFacts, actor: ActorFacts): boolean {
  switch (stage) {
    case 'unit_head':
      return actor.roles.includes('unit_head') && actor.unitId === task.leadUnitId;
    case 'supervisor':
      return actor.roles.includes('supervisor');
    case 'leader':
      return actor.roles.includes('leader') && actor.personId !== null && actor.personId === task.leadLeaderId;
  }
}

export function nextExtensionStage(stage: ExtensionStage): ExtensionStage | null {
  const i = EXTENSION_STAGES.indexOf(stage);
  return EXTENSION_STAGES[i + 1] ?? null;
}
