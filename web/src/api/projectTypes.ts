// 重大项目 shapes (/api/projects): aliases of the server's types (src/shared/api-types.ts), never copies.
import type * as api from '../../../src/shared/api-types';

export type Stage = api.ProjectStage;
export type ProjectState = api.ProjectState;
export type InvestorFlag = api.ProjectInvestorFlag;
export type ProjectSource = api.ProjectSource;
export type Verdict = api.ProjectVerdict;
export type ProjectSort = api.ProjectSort;

/** The stage order of src/domain/projects/lifecycle.ts (checked against its union below). */
export const STAGES = ['negotiating', 'signed', 'land', 'started', 'completed', 'producing', 'full'] as const satisfies readonly Stage[];
export const STATES = [...STAGES, 'terminated'] as const satisfies readonly ProjectState[];
export const INVESTOR_FLAGS = ['central_soe', 'national', 'fortune500', 'china500', 'listed', 'foreign'] as const satisfies readonly InvestorFlag[];
export const PROJECT_SOURCES = ['fund', 'business', 'resident', 'other'] as const satisfies readonly ProjectSource[];
export const VERDICTS = ['pass', 'fail', 'incomplete'] as const satisfies readonly Verdict[];
export const PROJECT_SORTS = ['number', '-number', '-totalInvestment', 'totalInvestment', '-investmentToDate', 'state', '-state'] as const satisfies readonly ProjectSort[];

export type ProjectLedgerPage = api.ProjectLedgerPage;
export type ProjectRow = ProjectLedgerPage['items'][number];
export type ProjectPage = api.ProjectPage;
export type ProjectStageRow = ProjectPage['stages'][number];
export type ProjectReport = ProjectPage['reports'][number];
export type ProjectEvent = ProjectPage['events'][number];
export type ProjectFile = ProjectPage['files'][number];
export type ProjectAcceptance = ProjectPage['acceptances'][number];
export type ProjectTask = ProjectPage['tasks'][number];
export type Commitment = api.ProjectCommitment;
export type IndicatorJudgement = api.ProjectIndicatorJudgement;
export type AcceptanceResult = api.ProjectAcceptanceResult;
export type Pipeline = api.ProjectPipeline;
export type ProjectSettings = api.ProjectSettingsAnswer;
export type ControlIndicator = ProjectSettings['controlTable']['indicators'][number];

export type ProjectBody = api.ProjectBody;
export type MoveBody = api.ProjectMoveBody;
export type ReportBody = api.ProjectReportBody;
export type RaiseBody = api.ProjectRaiseBody;
export type AcceptBody = api.ProjectAcceptBody;
export type ProjectCreated = api.ProjectCreated;
export type ProjectEdited = api.ProjectEdited;
export type ProjectMoved = api.ProjectMoved;
export type ReportFiled = api.ProjectReportFiled;
export type TaskRaised = api.ProjectTaskRaised;
export type Accepted = api.ProjectAccepted;
export type AcceptDue = api.ProjectAcceptDue;
export type FileUploaded = api.ProjectFileUploaded;
export type ProjectAppeal = ProjectPage['appeals'][number];
export type ProjectImportResult = api.ProjectImportResult;
