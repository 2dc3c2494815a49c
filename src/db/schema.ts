/**
 * The one Drizzle schema. It serves PGlite and PostgreSQL alike; `npm run db:generate` turns a change here into a
 * migration under `drizzle/`.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { Cycle, Priority, SourceKind, TaskStatus } from '../domain/tasks/workflow.js';
import type { Light, LightReason } from '../domain/warnings/lights.js';
import type { UnitKind } from '../services/org/units.js';
import type { InvestorFlag, ProjectSource, ProjectState, Stage } from '../domain/projects/lifecycle.js';
import type { AcceptanceResult, Commitment, Verdict } from '../domain/projects/commitments.js';

/** Binary contents (attachments). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** District-wide settings (district name, whether the demo was loaded …), one JSON value per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').$type<UnitKind>().notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('units_code_uq').on(t.code), index('units_parent_idx').on(t.parentId)],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title'),
    phone: text('phone'),
    isLeader: boolean('is_leader').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('people_unit_idx').on(t.unitId)],
);

/** A leader's portfolio (分管线): the units a district leader oversees. */
export const leaderPortfolios = pgTable(
  'leader_portfolios',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.personId, t.unitId] }), index('leader_portfolios_unit_idx').on(t.unitId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    personId: uuid('person_id').references(() => people.id),
    /** For an enterprise's contact: the credit code of the enterprise whose 亩均 results the account reads. */
    enterpriseUscc: text('enterprise_uscc'),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`)],
);

/** Earlier password hashes, so the last five are not reused. */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
);

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * The audit trail. Rows are only ever inserted: a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    ip: text('ip'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_actor_idx').on(t.actorId, t.at),
    index('audit_events_action_idx').on(t.action, t.at),
    index('audit_events_target_idx').on(t.targetType, t.targetId),
  ],
);

// ─── Implementation tracking (督查督办) ────────────────────────────────────────────────────────────────────────────

/** Named counters (task numbers per year), incremented atomically with INSERT … ON CONFLICT. */
export const counters = pgTable('counters', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
});

/** Where tasks come from: a meeting, a leader's instruction, the annual key-work list, a 民生实事 or 安全生产 item. */
export const taskSources = pgTable('task_sources', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<SourceKind>().notNull(),
  title: text('title').notNull(),
  documentNo: text('document_no'),
  issuedOn: date('issued_on', { mode: 'string' }),
  content: text('content'),
  /** The record behind it (e.g. a meeting), by kind. */
  refId: uuid('ref_id'),
  createdAt: createdAt(),
});

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    requirement: text('requirement').notNull().default(''),
    sourceId: uuid('source_id').references(() => taskSources.id),
    sourceKind: text('source_kind').$type<SourceKind>().notNull(),
    category: text('category'),
    leadLeaderId: uuid('lead_leader_id').references(() => people.id),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    priority: text('priority').$type<Priority>().notNull().default('normal'),
    cycle: text('cycle').$type<Cycle>().notNull().default('monthly'),
    /** Weekly: ISO weekday 1–7; monthly/quarterly: day of month 1–31; once: unused. */
    cycleDay: integer('cycle_day'),
    status: text('status').$type<TaskStatus>().notNull().default('draft'),
    percent: integer('percent').notNull().default(0),
    parentId: uuid('parent_id').references((): AnyPgColumn => tasks.id),
    /** The meeting directive the task carries out, when it came from a parsed meeting report. */
    directiveId: uuid('directive_id').references((): AnyPgColumn => directives.id),
    latestReportAt: timestamp('latest_report_at', { withTimezone: true }),
    latestReportText: text('latest_report_text'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    /** 三色预警: the current light (null when the task is not open) and its causes; history in task_lights. */
    light: text('light').$type<Light>(),
    lightReasons: jsonb('light_reasons').$type<LightReason[]>(),
    lightSince: timestamptz('light_since'),
    /** Optimistic lock: every change increments it; a save with an older version is a conflict. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('tasks_number_uq').on(t.number),
    index('tasks_status_deadline_idx').on(t.status, t.deadline),
    index('tasks_lead_unit_idx').on(t.leadUnitId, t.status, t.deadline),
    index('tasks_leader_idx').on(t.leadLeaderId, t.status, t.deadline),
    // a leader's tasks in deadline order (the ledger filtered by leader): walks one leader's rows in order, stops at a page
    index('tasks_leader_deadline_idx').on(t.leadLeaderId, t.deadline, t.id, t.status),
    index('tasks_source_idx').on(t.sourceKind, t.deadline),
    index('tasks_parent_idx').on(t.parentId),
    index('tasks_deadline_idx').on(t.deadline, t.id),
    index('tasks_light_idx').on(t.light, t.deadline),
    index('tasks_directive_idx').on(t.directiveId),
  ],
);

const taskRef = () =>
  uuid('task_id')
    .notNull()
    .references(() => tasks.id);

/** Every unit involved in a task — the lead unit and each cooperating unit — so scope is one indexed join. */
export const taskUnits = pgTable(
  'task_units',
  {
    taskId: taskRef(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index('task_units_unit_idx').on(t.unitId, t.taskId)],
);

export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: taskRef(),
    name: text('name').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    evidence: text('evidence'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('milestones_task_idx').on(t.taskId)],
);

export const targets = pgTable(
  'targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: taskRef(),
    name: text('name').notNull(),
    unit: text('unit').notNull().default(''),
    targetValue: doublePrecision('target_value').notNull(),
    latestValue: doublePrecision('latest_value'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('targets_task_idx').on(t.taskId)],
);

export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: taskRef(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    percent: integer('percent').notNull(),
    /** Reported target values: { targetId: value }. */
    values: jsonb('values').$type<Record<string, number>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('progress_reports_task_idx').on(t.taskId, t.createdAt)],
);

/** The task's timeline: every step, who, when, what, comment. */
export const taskEvents = pgTable(
  'task_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    taskId: taskRef(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status').$type<TaskStatus>(),
    toStatus: text('to_status').$type<TaskStatus>(),
    comment: text('comment'),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [index('task_events_task_idx').on(t.taskId, t.at)],
);

export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: taskRef(),
    reason: text('reason').notNull(),
    newDeadline: date('new_deadline', { mode: 'string' }).notNull(),
    oldDeadline: date('old_deadline', { mode: 'string' }).notNull(),
    progress: text('progress').notNull(),
    /** unit_head → supervisor → leader, then approved or rejected. */
    stage: text('stage').notNull(),
    requestedBy: uuid('requested_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('extension_requests_task_idx').on(t.taskId), index('extension_requests_stage_idx').on(t.stage)],
);

/** Files attached to a task (to a report, a completion request, a milestone …); contents kept in the database. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: taskRef(),
    eventId: bigint('event_id', { mode: 'number' }),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('attachments_task_idx').on(t.taskId)],
);

// ─── Warnings (三色预警), scheduled jobs and notifications ──────────────────────────────────────────────────────────

/** The history of each task's light: one row per change. */
export const taskLights = pgTable(
  'task_lights',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    taskId: taskRef(),
    light: text('light'),
    reasons: jsonb('reasons'),
    at: timestamptz('at').notNull(),
  },
  (t) => [index('task_lights_task_idx').on(t.taskId, t.at)],
);

/** One row per run of a scheduled job and period: the instance that inserts it first does the work. */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    runKey: text('run_key').notNull(),
    instance: text('instance').notNull(),
    startedAt: timestamptz('started_at').notNull(),
    finishedAt: timestamptz('finished_at'),
    result: jsonb('result'),
  },
  (t) => [primaryKey({ columns: [t.job, t.runKey] })],
);

/** In-app notifications. `dedupeKey` makes a reminder land once, however many instances or runs try. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    taskId: uuid('task_id').references(() => tasks.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    readAt: timestamptz('read_at'),
  },
  (t) => [uniqueIndex('notifications_dedupe_uq').on(t.dedupeKey), index('notifications_user_idx').on(t.userId, t.createdAt)],
);

// ─── Outgoing webhooks (DingTalk and WeCom group robots) ────────────────────────────────────────────────────────────

/** A unit's group robot: light reminders of the unit's tasks are also posted there. */
export const webhookConfigs = pgTable(
  'webhook_configs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** 'dingtalk' | 'wecom' */
    kind: text('kind').notNull(),
    url: text('url').notNull(),
    /** DingTalk signing secret (SEC…); null when the robot does not sign. */
    secret: text('secret'),
    active: boolean('active').notNull().default(true),
    /** Quiet hours in the district's zone, 'HH:MM'; both null for none. */
    quietStart: text('quiet_start'),
    quietEnd: text('quiet_end'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_configs_unit_idx').on(t.unitId)],
);

/** One message to one robot; `dedupeKey` makes a reminder go once per robot. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    configId: uuid('config_id')
      .notNull()
      .references(() => webhookConfigs.id),
    taskId: uuid('task_id').references(() => tasks.id),
    dedupeKey: text('dedupe_key').notNull(),
    payload: jsonb('payload').notNull(),
    /** 'pending' | 'sending' | 'sent' | 'failed' */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: timestamptz('created_at').notNull(),
    sentAt: timestamptz('sent_at'),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_dedupe_uq').on(t.configId, t.dedupeKey),
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

// ─── Meetings: parsed reports, their directives ────────────────────────────────────────────────────────────────────

/** A meeting whose report was parsed and confirmed; its task source has kind `meeting`. */
export const meetings = pgTable('meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  sourceId: uuid('source_id')
    .notNull()
    .references(() => taskSources.id),
  heldOn: date('held_on', { mode: 'string' }),
  kind: text('kind'),
  chair: text('chair'),
  attendees: jsonb('attendees').$type<string[]>().notNull().default([]),
  studied: jsonb('studied').$type<string[]>().notNull().default([]),
  /** The report as pasted or uploaded: directive spans point into it. */
  text: text('text').notNull(),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
});

export const directives = pgTable(
  'directives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    groupIndex: integer('group_index').notNull().default(0),
    groupTitle: text('group_title'),
    ordinal: integer('ordinal').notNull(),
    marker: text('marker').notNull(),
    text: text('text').notNull(),
    spanStart: integer('span_start'),
    spanEnd: integer('span_end'),
    standard: text('standard'),
    field: text('field'),
  },
  (t) => [index('directives_meeting_idx').on(t.meetingId, t.groupIndex, t.ordinal)],
);

// ─── 亩均论英雄: department uploads, schemes, immutable runs, results, policies, appeals ──────────────────────────────

/** One department file for one year (自然资源局 land, 税务局 tax …), parsed rows kept as uploaded. */
export const mujunUploads = pgTable(
  'mujun_uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    source: text('source').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    rowCount: integer('row_count').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    records: jsonb('records').$type<Record<string, string | number | null>[]>().notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedByName: text('uploaded_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('mujun_uploads_year_idx').on(t.year, t.source, t.createdAt)],
);

/** A scheme version. Versions are never changed: an edit saves the next version. */
export const mujunSchemes = pgTable(
  'mujun_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    body: jsonb('body').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('mujun_schemes_code_version_uq').on(t.code, t.version)],
);

/** An evaluation run: the scheme and the input exactly as used, so every result can be re-derived. Never changed. */
export const mujunRuns = pgTable(
  'mujun_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => mujunSchemes.id),
    scheme: jsonb('scheme').notNull(),
    inputCsv: text('input_csv').notNull(),
    inputSha256: text('input_sha256').notNull(),
    uploadIds: jsonb('upload_ids').$type<string[]>().notNull().default([]),
    parentRunId: uuid('parent_run_id').references((): AnyPgColumn => mujunRuns.id),
    reason: text('reason'),
    groups: jsonb('groups').notNull(),
    warnings: jsonb('warnings').$type<string[]>().notNull().default([]),
    enterpriseCount: integer('enterprise_count').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('mujun_runs_year_version_uq').on(t.year, t.version)],
);

/** One enterprise's result in a run (the engine output plus the descriptive fields the screens filter on). */
export const mujunResults = pgTable(
  'mujun_results',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => mujunRuns.id),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    town: text('town'),
    industry: text('industry'),
    division: text('division'),
    scale: text('scale'),
    grp: text('grp'),
    status: text('status').notNull(),
    total: doublePrecision('total'),
    rank: integer('rank'),
    class: text('class'),
    mujun: doublePrecision('mujun'),
    ditan: doublePrecision('ditan'),
    keji: doublePrecision('keji'),
    renjun: doublePrecision('renjun'),
    indicators: jsonb('indicators').notNull(),
    adjustments: jsonb('adjustments').notNull().default([]),
    vetoes: jsonb('vetoes').$type<string[]>().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.uscc] }),
    index('mujun_results_rank_idx').on(t.runId, t.grp, t.rank),
    index('mujun_results_class_idx').on(t.runId, t.class),
    index('mujun_results_town_idx').on(t.runId, t.town),
    index('mujun_results_uscc_idx').on(t.uscc),
  ],
);

/** 差别化政策: the measures applied to each class (electricity and water surcharges, land, credit, awards). */
export const mujunPolicies = pgTable(
  'mujun_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    class: text('class').notNull(),
    category: text('category').notNull(),
    measure: text('measure').notNull(),
    department: text('department'),
    sortOrder: integer('sort_order').notNull().default(0),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [index('mujun_policies_class_idx').on(t.class, t.sortOrder)],
);

/** 申诉: against a value or a class of a run; accepting it with a corrected value produces a new run version. */
export const mujunAppeals = pgTable(
  'mujun_appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => mujunRuns.id),
    uscc: text('uscc').notNull(),
    kind: text('kind').notNull(),
    field: text('field'),
    claimedValue: text('claimed_value'),
    reason: text('reason').notNull(),
    evidenceName: text('evidence_name'),
    evidenceType: text('evidence_type'),
    evidence: bytea('evidence'),
    filedBy: uuid('filed_by'),
    filedByName: text('filed_by_name').notNull(),
    filedAt: timestamptz('filed_at').notNull().defaultNow(),
    status: text('status').notNull().default('pending'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamptz('decided_at'),
    newRunId: uuid('new_run_id').references(() => mujunRuns.id),
  },
  (t) => [index('mujun_appeals_run_idx').on(t.runId, t.status), index('mujun_appeals_uscc_idx').on(t.uscc)],
);

// ─── Industrial projects (招大引强, 标准地, 对标验收) ────────────────────────────────────────────────────────────────

/** A 重大/招商 project from its first talk to full production; `state` is its stage or 'terminated'. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    name: text('name').notNull(),
    investorName: text('investor_name').notNull(),
    /** The investor's (or the project company's) 统一社会信用代码, checked like the 亩均 data; ties it to the register. */
    investorUscc: text('investor_uscc'),
    investorFlags: jsonb('investor_flags').$type<InvestorFlag[]>().notNull().default([]),
    source: text('source').$type<ProjectSource>().notNull(),
    fundName: text('fund_name'),
    /** GB/T 4754 industry code. */
    industryCode: text('industry_code'),
    /** The district's own industry track (赛道), as data. */
    track: text('track'),
    /** 万元. */
    totalInvestment: doublePrecision('total_investment').notNull(),
    fixedInvestment: doublePrecision('fixed_investment'),
    /** 年度计划投资 of the list year (万元): what the monthly reports are measured against. */
    yearPlanInvestment: doublePrecision('year_plan_investment'),
    landMu: doublePrecision('land_mu'),
    /** The town/street or park it sits in. */
    placeUnitId: uuid('place_unit_id').references(() => units.id),
    /** 包抓领导. */
    leaderId: uuid('leader_id').references(() => people.id),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    /** The year of the yearly project list it is on. */
    listYear: integer('list_year').notNull(),
    state: text('state').$type<ProjectState>().notNull().default('negotiating'),
    /** The furthest stage reached (kept when terminated). */
    reached: text('reached').$type<Stage>().notNull().default('negotiating'),
    terminatedReason: text('terminated_reason'),
    /** 标准地 commitments fixed at 供地 (null before). */
    commitments: jsonb('commitments').$type<Commitment[]>(),
    commitmentsOn: date('commitments_on', { mode: 'string' }),
    /** The latest acceptance's verdict (detail in project_acceptances). */
    acceptanceVerdict: text('acceptance_verdict').$type<Verdict>(),
    light: text('light').$type<Light>(),
    lightReasons: jsonb('light_reasons').$type<LightReason[]>(),
    lightSince: timestamptz('light_since'),
    investmentToDate: doublePrecision('investment_to_date').notNull().default(0),
    latestReportMonth: text('latest_report_month'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('projects_number_uq').on(t.number),
    index('projects_year_state_idx').on(t.listYear, t.state, t.number),
    /** The ledger's usual filter: a list year and a track, then the stages (bench:projects: page 5.0 → 1.1 ms). */
    index('projects_year_track_idx').on(t.listYear, t.track, t.state),
    index('projects_lead_unit_idx').on(t.leadUnitId, t.number),
    index('projects_leader_idx').on(t.leaderId, t.number),
    index('projects_light_idx').on(t.light, t.number),
    index('projects_uscc_idx').on(t.investorUscc),
    index('projects_number_idx').on(t.number, t.id),
  ],
);

const projectRef = () =>
  uuid('project_id')
    .notNull()
    .references(() => projects.id);

/** Every unit of a project — lead, cooperating, the place — so scope is one indexed join, as for tasks. */
export const projectUnits = pgTable(
  'project_units',
  {
    projectId: projectRef(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.unitId, t.role] }), index('project_units_unit_idx').on(t.unitId, t.projectId)],
);

export const projectStages = pgTable(
  'project_stages',
  {
    projectId: projectRef(),
    stage: text('stage').$type<Stage>().notNull(),
    plannedOn: date('planned_on', { mode: 'string' }),
    actualOn: date('actual_on', { mode: 'string' }),
    evidence: text('evidence'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.stage] })],
);

/** The lead unit's monthly report: one per project and month (a second filing replaces the first). */
export const projectReports = pgTable(
  'project_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectRef(),
    month: text('month').notNull(),
    investmentMonth: doublePrecision('investment_month').notNull(),
    investmentToDate: doublePrecision('investment_to_date').notNull(),
    progress: text('progress').notNull(),
    problems: text('problems').notNull().default(''),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [uniqueIndex('project_reports_month_uq').on(t.projectId, t.month)],
);

/** The project's timeline (every change, who, when), written with the audit event in the same transaction. */
export const projectEvents = pgTable(
  'project_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    projectId: projectRef(),
    at: timestamptz('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    comment: text('comment'),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [index('project_events_project_idx').on(t.projectId, t.at)],
);

/** Evidence files of a project's stages and acceptances. */
export const projectFiles = pgTable(
  'project_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectRef(),
    eventId: bigint('event_id', { mode: 'number' }),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [index('project_files_project_idx').on(t.projectId)],
);

/** 对标验收: each check of a project against its commitments (the latest is the project's verdict). */
export const projectAcceptances = pgTable(
  'project_acceptances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectRef(),
    /** The data year of the actual values. */
    year: integer('year').notNull(),
    verdict: text('verdict').$type<Verdict>().notNull(),
    result: jsonb('result').$type<AcceptanceResult>().notNull(),
    /** Values entered with evidence where the data has no column: { indicatorId: value }. */
    entered: jsonb('entered').$type<Record<string, number>>().notNull().default({}),
    rectifyBy: date('rectify_by', { mode: 'string' }),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name').notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [index('project_acceptances_project_idx').on(t.projectId, t.createdAt)],
);

/** 申诉 against an acceptance's actual value (the 亩均 appeal flow: file with evidence, then accept or reject). */
export const projectAppeals = pgTable(
  'project_appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectRef(),
    acceptanceId: uuid('acceptance_id')
      .notNull()
      .references(() => projectAcceptances.id),
    indicatorId: text('indicator_id').notNull(),
    claimedValue: doublePrecision('claimed_value').notNull(),
    reason: text('reason').notNull(),
    evidenceName: text('evidence_name'),
    evidenceType: text('evidence_type'),
    evidence: bytea('evidence'),
    filedBy: uuid('filed_by'),
    filedByName: text('filed_by_name').notNull(),
    filedAt: timestamptz('filed_at').notNull(),
    status: text('status').notNull().default('pending'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamptz('decided_at'),
    /** The acceptance judged again with the claimed value, when the appeal was accepted. */
    newAcceptanceId: uuid('new_acceptance_id').references(() => projectAcceptances.id),
  },
  (t) => [index('project_appeals_project_idx').on(t.projectId, t.status)],
);
