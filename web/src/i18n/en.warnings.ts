import type { WarningMessages } from './zh.warnings';

const enWarnings: WarningMessages = {
  light: {
    /** the ledger column's width in px: the English words are longer */
    columnWidth: '100',
    label: 'Alert',
    red: 'Overdue',
    yellow: 'Lagging',
    blue: 'Due soon',
    green: 'On track',
    filter: 'Alert level',
    since: 'Since {{time}}',
    alert: {
      red: 'Overdue alert',
      yellow: 'Lagging alert',
      blue: 'Due-soon reminder',
    },
    counts: 'Alerts',
    countsTitle: 'Tasks with an alert among those you may see',
  },
  notif: {
    title: 'Notifications',
    bell: 'Notifications ({{count}} unread)',
    empty: 'No notifications',
    unreadOnly: '{{count}} unread',
    loadFailed: 'Could not load notifications',
  },
  warnings: {
    title: 'Alert rules',
    intro:
      "Every day each open task gets an alert level (red overdue, yellow lagging, blue due soon, green on track) and its lead unit is reminded. Changed rules apply at a task's next change or the next daily run.",
    rules: 'Rules',
    blueDays: 'Due-soon days',
    blueDaysHelp: 'Blue when the deadline or a milestone is this many days away or fewer',
    lagTolerance: 'Lag tolerance (points)',
    lagToleranceHelp: 'Yellow when progress trails the time elapsed by more than this many percentage points',
    yellowOnMissedReport: 'A missed progress report counts as lagging',
    templates: 'Reminder templates',
    templatesHelp:
      'Placeholders: {number} task number, {title} task, {unit} lead unit, {deadline} deadline, {reason} cause of the alert.',
    templateRed: 'Overdue (red) reminder',
    templateYellow: 'Lagging (yellow) reminder',
    templateBlue: 'Due-soon (blue) reminder',
    templateRequired: 'Please enter a template',
    save: 'Save rules',
    saved: 'Alert rules saved',
    run: "Run today's alerts now",
    runHelp: 'The daily alert job runs at start-up and once a day; it runs at most once per day.',
    ran: "Today's ({{date}}) alerts ran: {{lights}} alert levels changed, {{reminders}} reminders sent.",
    alreadyRan: "Today's ({{date}}) alerts have already run; they were not run again.",
  },
};

export default enWarnings;
