// Type-level test of the web ↔ server contract, checked by `tsc -p web/tsconfig.json` (never imported, never bundled).
// Each `@ts-expect-error` line is a mismatch the shared types must catch: if one stops being an error (a type went
// loose, or a hand-written copy crept back), tsc fails with "Unused '@ts-expect-error' directive".
import type { Jsonify } from '../../../src/shared/api-types';
import type { UpliftAnswer as ServerUplift } from '../../../src/domain/mujun/uplift';
import type { EnterpriseReport, UpliftAnswer } from './mujunTypes';
import type { LedgerRow, TaskInput, TaskStatus, Workbench } from './taskTypes';
import type { SchemeIndicator } from './mujunAdminTypes';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const yes = <T extends true>(): T => true as T;

// the web's type IS the server's (after JSON), not a look-alike
export const sameUplift = yes<Equal<UpliftAnswer, Jsonify<ServerUplift>>>();
// JSON turns a Date into a string
export const dateBecomesString = yes<Equal<Jsonify<{ at: Date }>, { at: string }>>();

// a status the workflow does not know
// @ts-expect-error — 'done' is not a TaskStatus
export const badStatus: TaskStatus = 'done';

// a ledger row's light is the server's union, not any string
export const badLight = (r: LedgerRow) => {
  // @ts-expect-error — 'purple' is not a Light
  r.light = 'purple';
};

// a field the server never sends (the old hand-written type had group.adjustments "when the server sends them")
// @ts-expect-error — the enterprise report's group carries no adjustments
export const ghostField = (r: EnterpriseReport) => r.group?.adjustments;

// timestamps arrive as strings: treating one as a Date is caught
// @ts-expect-error — createdAt is a string over JSON
export const notADate = (w: Workbench) => w.reminders[0]?.at.getTime();

// the task body the server's service takes: a missing required field is caught
// @ts-expect-error — leadUnitId (and more) missing
export const incompleteInput: TaskInput = { title: 't', requirement: '' };

// a scheme indicator may omit its name (spec §2) but not its hero
export const namelessIndicator: SchemeIndicator = {
  id: 'x',
  hero: 'mujun',
  numerator: 'tax',
  direction: 'higher',
  weight: 1,
  scoring: { method: 'minmax' },
};
// @ts-expect-error — hero missing
export const heroless: SchemeIndicator = {
  id: 'x',
  numerator: 'tax',
  direction: 'higher',
  weight: 1,
  scoring: { method: 'minmax' },
};

// 重大项目: the stage lists cover the server's unions exactly
import type { InvestorFlag, ProjectRow, ProjectState, Stage } from './projectTypes';
import type { INVESTOR_FLAGS, STAGES, STATES } from './projectTypes';
export const allStages = yes<Equal<(typeof STAGES)[number], Stage>>();
export const allStates = yes<Equal<(typeof STATES)[number], ProjectState>>();
export const allFlags = yes<Equal<(typeof INVESTOR_FLAGS)[number], InvestorFlag>>();
// @ts-expect-error — 'approved' is not a project state
export const badProjectState: ProjectState = 'approved';
// a ledger row's flags are the server's, not any string
export const badFlag = (r: ProjectRow) => {
  // @ts-expect-error — 'state_owned' is not an investor flag
  r.investorFlags = ['state_owned'];
};
