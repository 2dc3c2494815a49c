// Simplified Chinese for 三色预警 and notifications; merged into zh.ts. en.warnings.ts has the same keys.
const zhWarnings = {
  light: {
    /** the ledger column's width in px: the English words are longer */
    columnWidth: '78',
    label: '预警',
    red: '逾期',
    yellow: '滞后',
    blue: '临期',
    green: '正常',
    filter: '预警等级',
    since: '自 {{time}} 起',
    alert: {
      red: '逾期预警',
      yellow: '滞后预警',
      blue: '临期提醒',
    },
    counts: '预警',
    countsTitle: '本人可见范围内的预警事项',
  },
  notif: {
    title: '通知',
    bell: '通知（{{count}} 条未读）',
    empty: '暂无通知',
    unreadOnly: '{{count}} 条未读',
    loadFailed: '通知加载失败',
  },
  warnings: {
    title: '预警规则',
    intro:
      '每日自动计算各在办事项的预警等级（红色逾期、黄色滞后、蓝色临期、绿色正常），并向牵头单位发送提醒。修改规则后，事项在下次变动或每日预警时按新规则计算。',
    rules: '预警规则',
    blueDays: '临期提醒天数',
    blueDaysHelp: '距完成时限或工作节点不超过该天数时亮蓝灯',
    lagTolerance: '滞后容差（百分点）',
    lagToleranceHelp: '实际进度落后于按时间应达进度超过该百分点时亮黄灯',
    yellowOnMissedReport: '未按期报送视为滞后',
    templates: '提醒模板',
    templatesHelp: '可用占位符：{number} 事项编号、{title} 任务内容、{unit} 牵头单位、{deadline} 完成时限、{reason} 预警原因。',
    templateRed: '逾期（红色）提醒',
    templateYellow: '滞后（黄色）提醒',
    templateBlue: '临期（蓝色）提醒',
    templateRequired: '请填写提醒模板',
    save: '保存规则',
    saved: '预警规则已保存',
    run: '立即运行今日预警',
    runHelp: '每日预警在服务启动和每天定时自动运行，每天只运行一次。',
    ran: '今日（{{date}}）预警已运行：预警等级变化 {{lights}} 项，发送提醒 {{reminders}} 条。',
    alreadyRan: '今日（{{date}}）预警已经运行过，未重复运行。',
  },
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type WarningMessages = DeepStrings<typeof zhWarnings>;

export default zhWarnings;
