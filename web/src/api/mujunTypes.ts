// 亩均论英雄 shapes (/api/mujun): aliases of the server's types (src/shared/api-types.ts), never copies.
import type * as api from '../../../src/shared/api-types';

export type Hero = api.MujunHero;
export const HEROES = ['mujun', 'ditan', 'keji', 'renjun'] as const satisfies readonly Hero[];

export type EnterpriseStatus = api.MujunEnterpriseStatus;
/** A department that sends part of the yearly data (src/domain/mujun/sources.ts). */
export type MujunSource = api.MujunSource;
/** An input field (src/domain/mujun/fields.ts). */
export type MujunField = api.MujunField;
export type MujunMeta = api.MujunMeta;
export type RunGroup = api.MujunRunGroup;
export type RunSummary = api.MujunRunSummary;
/** GET /mujun/runs/:id answers the summary */
export type RunDetail = api.MujunRunSummary;
export type RunIndicator = api.MujunEnterpriseDetail['group'] extends infer G
  ? G extends { indicators: (infer I)[] }
    ? I
    : never
  : never;
export type HeroScores = NonNullable<api.MujunResultRow['heroes']>;
export type ResultRow = api.MujunResultRow;
export type ResultPage = api.MujunRankingPage;
export type ResultSort = api.MujunResultSort;
export type Distribution = api.MujunDistribution;
export type AggregateRow = api.MujunAggregate;
export type IndicatorResult = api.MujunIndicatorResult;
export type EnterpriseReport = api.MujunEnterpriseDetail;
export type EnterpriseResult = EnterpriseReport['result'];
export type Uplift = api.MujunUplift;
export type UpliftAnswer = api.MujunUpliftAnswer;
export type TrendPoint = api.MujunTrendPoint;
export type PolicyCategory = api.MujunPolicyCategory;
export type ClassPolicy = api.MujunPolicy;
export type CompareAnswer = api.MujunCompareAnswer;
export type CompareItem = CompareAnswer['items'][number];
export type AppealKind = api.MujunAppealKind;
export type AppealStatus = api.MujunAppealStatus;
export type Appeal = api.MujunAppeal;
