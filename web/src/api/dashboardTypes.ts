// Answers of /api/dashboard, /api/scores and /api/webhooks: aliases of the server's types (src/shared/api-types.ts).
import type * as api from '../../../src/shared/api-types';

export type Figure = api.DashboardFigure;
/** A ledger filter as the server builds it; arrays become comma lists in the URL. */
export type LedgerFilter = Figure['filter'];
export type ByLight = api.DashboardByLight;
export type ByStatus = api.DashboardByStatus;
export type RateRow = api.DashboardRateRow;
export type Overdue = api.DashboardOverdue;
export type OverdueItem = Overdue['items'][number];
export type MonthPoint = api.DashboardMonthPoint;
export type SourceRow = api.DashboardSourceRow;
export type DirectiveRow = api.DashboardDirectiveRow;

export type ScoreScheme = api.ScoreSchemeAnswer;
export type Scores = api.UnitScores;
export type UnitScore = Scores['items'][number];
export type ScoreItem = UnitScore['breakdown'][number];

export type Robot = api.WebhookRobot;
export type RobotKind = Robot['kind'];
export type Delivery = api.WebhookDeliveryPage['items'][number];
