/** The 亩均 result queries: one file per query, each scoped to what the actor may see. */
export { ranking, rankingRows, type RankingPage, type RankingQuery } from './ranking.js';
export { distribution, type Distribution } from './distribution.js';
export { aggregates, type Aggregate, type AggregateBy } from './aggregates.js';
export { enterpriseDetail, townDetails, type EnterpriseDetail, type TrendPoint } from './enterprise.js';
export { compareRuns, type CompareQuery } from './compare.js';
export { NO_CLASS, type ResultFilter, type ResultSort } from './common.js';
