/** The leaders' dashboard: one query per metric, each number with its ledger filter. */
export { byLight } from './by-light.js';
export { byStatus } from './by-status.js';
export { ratesByUnit } from './rates-by-unit.js';
export { ratesByLeader } from './rates-by-leader.js';
export { overdueList } from './overdue-list.js';
export { monthlyTrend } from './monthly-trend.js';
export { bySource } from './by-source.js';
export { byDirective } from './by-directive.js';
export { ledgerQueryString, type DashboardFilter, type Figure } from './common.js';
