// 三色预警 (warning lights) and in-app notifications: aliases of the server's types (src/shared/api-types.ts).
import type * as api from '../../../src/shared/api-types';

export type NotificationList = api.NotificationList;
export type AppNotification = NotificationList['items'][number];
export type WarningSettings = api.WarningSettings;
export type WarningRules = WarningSettings['rules'];
/** POST /api/warnings/run: ran=false when today's job already ran. */
export type WarningRunOutcome = api.WarningRunOutcome;
