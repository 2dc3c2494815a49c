/**
 * The types of the HTTP API, for the web app: the ONE module web/src imports server types from, always with
 * `import type` (erased at build time, so no server code reaches the bundle). Everything here is an alias of, or
 * derived from, a server type (zod schemas via z.input / z.output, service answers via Answer<typeof fn>), so a change
 * on the server that the web does not follow fails `npm run typecheck`. What JSON changes (a Date becomes a string) is
 * expressed by Jsonify<T>, never by a hand-written copy.
 */

// The route modules below are typed against Fastify as app.ts extends it: bring in the plugins' type augmentations, so
// that a program that reaches them only through this file (tsc -p web/tsconfig.json) sees the same request and reply.
import type {} from '@fastify/cookie';
import type {} from '@fastify/multipart';
import type {} from '@fastify/rate-limit';
import type {} from '@fastify/static';

/** The value as it arrives through JSON.stringify → JSON.parse: Dates become strings, undefined-only keys vanish. */
export type Jsonify<T> = unknown extends T
  ? unknown
  : T extends Date
    ? string
    : T extends string | number | boolean | null
      ? T
      : T extends undefined | symbol | ((...args: never[]) => unknown)
        ? never
        : T extends { toJSON(): infer J }
          ? Jsonify<J>
          : T extends readonly unknown[]
            ? { -readonly [K in keyof T]: Jsonify<T[K]> }
            : T extends object
              ? { -readonly [K in keyof T as [Jsonify<T[K]>] extends [never] ? never : K]: Jsonify<T[K]> }
              : never;

/** The JSON body a service function's answer becomes. */
export type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;

// ─── 亩均论英雄 (src/domain/mujun, src/services/mujun) ──────────────────────────────────────────────────────────────
import type * as mjScheme from '../domain/mujun/scheme.js';
import type * as mjEngine from '../domain/mujun/engine.js';
import type * as mjFields from '../domain/mujun/fields.js';
import type * as mjSources from '../domain/mujun/sources.js';
import type * as mjUplift from '../domain/mujun/uplift.js';
import type * as mjRuns from '../services/mujun/runs.js';
import type * as mjResults from '../services/mujun/results/index.js';
import type * as mjCommon from '../services/mujun/results/common.js';
import type * as mjAppeals from '../services/mujun/appeals.js';
import type * as mjPolicies from '../services/mujun/policies.js';
import type * as mjUploads from '../services/mujun/uploads.js';
import type * as mjReconcile from '../services/mujun/reconcile.js';
import type * as mjSchemes from '../services/mujun/schemes.js';

export type MujunHero = mjScheme.Hero;
export type MujunEnterpriseStatus = mjEngine.Status;
export type MujunSource = Jsonify<mjSources.DataSource>;
export type MujunField = Jsonify<mjFields.FieldDef>;
export type MujunMeta = Answer<typeof mjRuns.mujunMeta>;
export type MujunRunGroup = Jsonify<mjRuns.RunGroup>;
export type MujunRunSummary = Jsonify<mjRuns.RunSummary>;
export type MujunResultRow = Jsonify<mjCommon.ResultItem>;
export type MujunRankingPage = Jsonify<mjResults.RankingPage>;
export type MujunResultSort = mjResults.ResultSort;
export type MujunDistribution = Jsonify<mjResults.Distribution>;
export type MujunAggregate = Jsonify<mjResults.Aggregate>;
export type MujunIndicatorResult = Jsonify<mjEngine.IndicatorResult>;
export type MujunEnterpriseDetail = Jsonify<mjResults.EnterpriseDetail>;
export type MujunTrendPoint = Jsonify<mjResults.TrendPoint>;
export type MujunUplift = Jsonify<mjUplift.Uplift>;
export type MujunUpliftAnswer = Jsonify<mjUplift.UpliftAnswer>;
export type MujunCompareAnswer = Answer<typeof mjResults.compareRuns>;
export type MujunAppeal = Answer<typeof mjAppeals.getAppeal>;
export type MujunAppealKind = mjAppeals.AppealKind;
export type MujunAppealStatus = mjAppeals.AppealStatus;
export type MujunPolicy = Jsonify<mjPolicies.Policy>;
export type MujunPolicyCategory = mjPolicies.PolicyCategory;
export type MujunUpload = Answer<typeof mjUploads.listUploads>[number];
export type MujunUploadAnswer = Answer<typeof mjUploads.uploadDepartmentFile>;
export type MujunFileProblem = Jsonify<mjUploads.FileProblem>;
export type MujunReconciliation = Jsonify<mjReconcile.Reconciliation>;
export type MujunSchemeSummary = Answer<typeof mjSchemes.listSchemes>[number];
/** the stored body is JSON the server validated when it was saved: a scheme as written */
export type MujunSchemeDetail = Omit<Answer<typeof mjSchemes.getScheme>, 'body'> & { body: MujunSchemeInput };
export type MujunSchemeValidation = Answer<typeof mjSchemes.validateSchemeBody>;
/** A scheme as written and edited (JSON / YAML, the editor): names optional. */
export type MujunSchemeInput = mjScheme.SchemeInput;
export type MujunSchemeProblem = mjScheme.SchemeProblem;

// ─── 培育库 (src/domain/cultivation, src/services/cultivation) ────────────────────────────────────────────────────────
import type * as cvTiers from '../domain/cultivation/tiers.js';
import type * as cvTierService from '../services/cultivation/tiers.js';
import type * as cvPlacement from '../services/cultivation/placement.js';
import type * as cvSchema from '../http/routes/cultivation/schema.js';

export type CultivationMovement = cvTiers.Movement;
export type CultivationMovementFilter = cvPlacement.PlacementMovementFilter;
export type CultivationTiers = Answer<typeof cvTierService.getTiers>;
export type CultivationTier = CultivationTiers['tiers'][number];
export type CultivationField = CultivationTiers['fields'][number];
/** the body of PUT /cultivation/tiers as sent (before the route's defaults) */
export type CultivationTierSetInput = import('zod').input<typeof cvSchema.tierSetBody>;
export type CultivationSummary = Answer<typeof cvPlacement.cultivationSummary>;
export type CultivationPage = Answer<typeof cvPlacement.cultivationList>;
export type CultivationItem = CultivationPage['items'][number];
export type CultivationLeader = Answer<typeof cvPlacement.cultivationLeaders>[number];

// ─── 督查督办 (src/domain/tasks, src/services/tasks) ──────────────────────────────────────────────────────────────────
import type * as tkWorkflow from '../domain/tasks/workflow.js';
import type * as tkLights from '../domain/warnings/lights.js';
import type * as tkWrite from '../services/tasks/write.js';
import type * as tkDetail from '../services/tasks/detail.js';
import type * as tkLedger from '../services/tasks/ledger.js';
import type * as tkWorkbench from '../services/tasks/workbench.js';
import type * as tkImport from '../services/tasks/import.js';
import type * as tkAttachments from '../services/tasks/attachments.js';
import type * as tkSources from '../services/tasks/sources.js';

export type TaskStatus = tkWorkflow.TaskStatus;
export type TaskSourceKind = tkWorkflow.SourceKind;
export type TaskPriority = tkWorkflow.Priority;
export type TaskCycle = tkWorkflow.Cycle;
export type TaskAction = tkWorkflow.TaskAction;
export type TaskExtensionStage = tkWorkflow.ExtensionStage;
export type Light = tkLights.Light;
export type LightReason = Jsonify<tkLights.LightReason>;
export type LedgerSort = tkLedger.LedgerSort;
export type LedgerPage = Answer<typeof tkLedger.listLedger>;
export type TaskPage = Answer<typeof tkDetail.getTask>;
export type ReportsPage = Answer<typeof tkDetail.listReports>;
/** the body of POST /tasks and PUT /tasks/:id (without `version`) */
export type TaskInput = tkWrite.TaskInput;
export type Workbench = Answer<typeof tkWorkbench.myWork>;
export type LeaderOverview = Answer<typeof tkWorkbench.leaderView>;
export type TaskImportResult = Answer<typeof tkImport.importTasks>;
export type UploadedFile = Answer<typeof tkAttachments.uploadAttachment>;
export type TaskSourceRow = Answer<typeof tkSources.listSources>[number];

// ─── 三色预警 and notifications (src/services/warnings) ─────────────────────────────────────────────────────────────
import type * as wnRules from '../services/warnings/rules.js';
import type * as wnNotifications from '../services/warnings/notifications.js';
import type * as wnDaily from '../services/warnings/daily-job.js';

export type WarningSettings = Answer<typeof wnRules.getWarningSettings>;
export type NotificationList = Answer<typeof wnNotifications.listNotifications>;
export type WarningRunOutcome = Answer<typeof wnDaily.runDailyWarnings>;

// ─── 驾驶舱, 考核, 群机器人 (src/services/dashboard, scoring, webhooks) ─────────────────────────────────────────────
import type * as dbCommon from '../services/dashboard/common.js';
import type * as dbIndex from '../services/dashboard/index.js';
import type * as dbRates from '../services/dashboard/rates.js';
import type * as dbTrend from '../services/dashboard/monthly-trend.js';
import type * as scScores from '../services/scoring/scores.js';
import type * as scSettings from '../services/scoring/settings.js';
import type * as whConfigs from '../services/webhooks/configs.js';
import type * as whDeliveries from '../services/webhooks/deliveries.js';

export type DashboardFigure = Jsonify<dbCommon.Figure>;
export type DashboardByLight = Answer<typeof dbIndex.byLight>;
export type DashboardByStatus = Answer<typeof dbIndex.byStatus>;
export type DashboardRateRow = Jsonify<dbRates.RateRow>;
export type DashboardOverdue = Answer<typeof dbIndex.overdueList>;
export type DashboardMonthPoint = Jsonify<dbTrend.MonthPoint>;
export type DashboardSourceRow = Answer<typeof dbIndex.bySource>[number];
export type DashboardDirectiveRow = Answer<typeof dbIndex.byDirective>[number];
export type UnitScores = Answer<typeof scScores.unitScores>;
export type ScoreSchemeAnswer = Answer<typeof scSettings.getScheme>;
export type WebhookRobot = Answer<typeof whConfigs.listConfigs>['items'][number];
export type WebhookDeliveryPage = Answer<typeof whDeliveries.listDeliveries>;

// ─── 会议 (src/domain/meetings, src/services/meetings) ──────────────────────────────────────────────────────────────
import type * as mtTypes from '../domain/meetings/types.js';
import type * as mtService from '../services/meetings/meetings.js';
import type * as mtRoutes from '../http/routes/meetings/index.js';
import type { z } from 'zod';

export type MeetingSpan = mtTypes.Span;
export type MeetingUnitHint = mtTypes.UnitHint;
export type ParsedMeeting = Jsonify<mtTypes.ParsedMeeting>;
/** POST /meetings/parse and /meetings/parse-file: the text and what the parser made of it */
export type MeetingParseResult = { text: string } & Answer<typeof mtService.parseReport>;
/** the body of POST /meetings as sent (before the route's defaults) */
export type MeetingConfirmBody = z.input<typeof mtRoutes.confirmBody>;
export type MeetingConfirmResult = Answer<typeof mtService.confirmMeeting>;
export type MeetingListItem = Answer<typeof mtService.listMeetings>[number];
export type MeetingDetail = Answer<typeof mtService.getMeeting>;

// ─── 基础: accounts, organisation, audit, session, meta (src/domain/org, src/services/{org,accounts,audit}) ─────────
import type * as orgRoles from '../domain/org/roles.js';
import type * as orgUnits from '../services/org/units.js';
import type * as orgPeople from '../services/org/people.js';
import type * as orgLeaders from '../services/org/leaders.js';
import type * as orgImport from '../services/org/import.js';
import type * as acAccounts from '../services/accounts/accounts.js';
import type * as auQuery from '../services/audit/query.js';
import type * as authRoutes from '../http/routes/auth/index.js';
import type * as metaRoutes from '../http/routes/meta/index.js';
import type * as errs from '../domain/errors.js';

export type RoleId = orgRoles.Role;
export type Permission = orgRoles.Permission;
export type UnitKind = orgUnits.UnitKind;
export type SessionAnswer = Answer<typeof authRoutes.present>;
export type MetaAnswer = Answer<typeof metaRoutes.metaAnswer>;
export type UnitRow = Answer<typeof orgUnits.listUnits>[number];
export type PeoplePage = Answer<typeof orgPeople.listPeople>;
export type LeaderRow = Answer<typeof orgLeaders.listLeaders>[number];
export type AccountsPage = Answer<typeof acAccounts.listAccounts>;
export type AuditPage = Answer<typeof auQuery.searchAudit>;
export type OrgImportResult = Answer<typeof orgImport.importOrg>;
export type FieldIssue = errs.FieldIssue;
export type CellIssue = errs.CellIssue;

// ─── 重大项目 (src/domain/projects, src/services/projects) ─────────────────────────────────────────────────────────────
import type * as pjLifecycle from '../domain/projects/lifecycle.js';
import type * as pjCommitments from '../domain/projects/commitments.js';
import type * as pjRead from '../services/projects/read.js';
import type * as pjWrite from '../services/projects/write.js';
import type * as pjStages from '../services/projects/stages.js';
import type * as pjReports from '../services/projects/reports.js';
import type * as pjAcceptance from '../services/projects/acceptance.js';
import type * as pjFiles from '../services/projects/files.js';
import type * as pjSettings from '../services/projects/settings.js';
import type * as pjRoutes from '../http/routes/projects/schema.js';
import type * as pjLedgerFile from '../services/projects/ledger-file.js';

export type ProjectStage = pjLifecycle.Stage;
export type ProjectState = pjLifecycle.ProjectState;
export type ProjectInvestorFlag = pjLifecycle.InvestorFlag;
export type ProjectSource = pjLifecycle.ProjectSource;
export type ProjectVerdict = pjCommitments.Verdict;
export type ProjectSort = pjRead.ProjectSort;
export type ProjectCommitment = Jsonify<pjCommitments.Commitment>;
export type ProjectIndicatorJudgement = Jsonify<pjCommitments.IndicatorJudgement>;
export type ProjectAcceptanceResult = Jsonify<pjCommitments.AcceptanceResult>;
export type ProjectLedgerPage = Answer<typeof pjRead.listProjects>;
export type ProjectPage = Answer<typeof pjRead.getProject>;
export type ProjectPipeline = Answer<typeof pjRead.pipeline>;
export type ProjectSettingsAnswer = Answer<typeof pjSettings.getProjectSettings>;
/** the bodies as sent (before the routes' defaults) */
export type ProjectBody = z.input<typeof pjRoutes.projectBody>;
export type ProjectMoveBody = z.input<typeof pjRoutes.moveBody>;
export type ProjectReportBody = z.input<typeof pjRoutes.reportBody>;
export type ProjectRaiseBody = z.input<typeof pjRoutes.raiseBody>;
export type ProjectAcceptBody = z.input<typeof pjRoutes.acceptBody>;
export type ProjectCreated = Answer<typeof pjWrite.createProject>;
export type ProjectEdited = Answer<typeof pjWrite.editProject>;
export type ProjectMoved = Answer<typeof pjStages.moveStage>;
export type ProjectReportFiled = Answer<typeof pjReports.fileReport>;
export type ProjectTaskRaised = Answer<typeof pjReports.raiseTask>;
export type ProjectAccepted = Answer<typeof pjAcceptance.acceptProject>;
export type ProjectAcceptDue = Answer<typeof pjAcceptance.acceptDue>;
export type ProjectFileUploaded = Answer<typeof pjFiles.uploadProjectFile>;

/** The yearly project list import's answer. */
export type ProjectImportResult = Answer<typeof pjLedgerFile.importProjectLedger>;
