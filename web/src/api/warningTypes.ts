// 三色预警 (warning lights) and in-app notifications, from docs/api.md. Keep in step with the contract.

export interface AppNotification {
  id: string;
  taskId: string | null;
  /** e.g. light.red, light.yellow, light.blue */
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: AppNotification[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

export interface WarningRules {
  blueDays: number;
  lagTolerance: number;
  yellowOnMissedReport: boolean;
}

export interface WarningSettings {
  rules: WarningRules;
  templates: { red: string; yellow: string; blue: string };
}

/** POST /api/warnings/run: ran=false when today's job already ran. */
export interface WarningRunOutcome {
  ran: boolean;
  runKey: string;
  lightsChanged?: number;
  reminders?: number;
}
