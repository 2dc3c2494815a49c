// Simplified Chinese for 重大项目 (招大引强, 标准地, 对标验收); merged into zh.ts. en.projects.ts has the same keys.
const zhProjects = {
  project: {
    menu: { group: '重大项目', ledger: '项目台账', pipeline: '项目漏斗', settings: '项目设置' },
    stage: { negotiating: '在谈', signed: '签约', land: '供地', started: '开工', completed: '竣工', producing: '投产', full: '达产', terminated: '终止' },
    flag: { central_soe: '央企', national: '国字号/中字头', fortune500: '世界500强', china500: '中国500强', listed: '上市公司', foreign: '外资' },
    source: { fund: '基金招商', business: '以商招商', resident: '驻点招商', other: '其他' },
    verdict: { pass: '达标', fail: '未达标', incomplete: '数据不全' },
    sort: { number: '按编号', '-number': '按编号（倒序）', '-totalInvestment': '总投资从高到低', totalInvestment: '总投资从低到高', '-investmentToDate': '累计完成投资从高到低', state: '按阶段', '-state': '按阶段（倒序）' },
    f: {
      number: '项目编号', name: '项目名称', investor: '投资方', uscc: '统一社会信用代码', flags: '投资方类型', source: '项目来源', fund: '基金名称',
      industry: '行业代码', track: '产业赛道', total: '总投资(万元)', fixed: '固定资产投资(万元)', yearPlan: '年度计划投资(万元)', land: '用地(亩)',
      place: '项目所在地', leader: '包抓领导', leadUnit: '责任单位', coopUnits: '配合单位', year: '年度', stage: '阶段', toDate: '累计完成投资(万元)',
      latestReport: '最近月报', planned: '计划日期', actual: '实际日期', verdict: '验收结论',
    },
    ledger: {
      title: '项目台账', search: '项目名称、投资方、编号', behind: '只看滞后', create: '新建项目', empty: '没有符合条件的项目', total: '共 {{total}} 个项目',
      allYears: '全部年度', clear: '清除筛选', pipeline: '项目漏斗',
      export: '导出台账', acceptDue: '到期项目验收', acceptDueDone: '{{year}} 年度数据：验收 {{judged}} 个，达标 {{pass}}、未达标 {{fail}}、数据不全 {{incomplete}}', import: '导入年度清单', importTitle: '导入年度项目清单', importIntro: '导入 {{year}} 年度项目清单（.xlsx，第一行可为标题）。有“项目编号”的行更新该项目，编号为空的行新增项目；阶段不通过导入推进。任何一处错误都不导入，并列出行号和列号。', imported: '已导入：新增 {{created}} 个，更新 {{updated}} 个',
    },
    form: { title: '新建项目', editTitle: '修改项目', saved: '已保存', created: '项目已入库：{{number}}', plannedHint: '各阶段计划日期（用于预警）' },
    detail: {
      notFound: '项目不存在，或不在您的查看范围内。', back: '返回台账', info: '项目信息', stages: '项目阶段', commitments: '标准地承诺', noCommitments: '供地时按控制指标表确定承诺',
      committed: '承诺值', tableValue: '控制表值', overrideReason: '调整理由', indicator: '指标', reports: '月度进展', noReports: '暂无月度进展',
      report: '报送月报', month: '月份', investMonth: '本月完成投资(万元)', investToDate: '累计完成投资(万元)', progress: '本月进展', problems: '需协调解决的问题',
      raise: '转为督办事项', raised: '已转督办事项 {{number}}', tasks: '转办的督办事项', acceptances: '对标验收', noAcceptances: '暂无验收记录', accept: '对标验收',
      acceptYear: '数据年度', entered: '录入实际值（无数据列的指标）', actual: '实际值', shortfall: '差距', from: '来源', fromData: '亩均数据', fromEntered: '录入',
      rectifyBy: '整改期限', penalty: '违约金(万元)', files: '项目材料', noFiles: '暂无材料', upload: '上传材料', uploaded: '已上传', timeline: '项目动态',
      advance: '推进到“{{stage}}”', goBack: '退回', terminate: '终止', on: '日期', reason: '原因', evidence: '依据说明', overrides: '调整承诺值（可选，须说明理由）',
      moved: '已办理', to: '退回到', reasonRequired: '请填写原因', terminated: '已终止：{{reason}}', light: '预警', lightReasons: '预警原因', number: '编号',
      pledge: '承诺书', edit: '修改', reportPdf: '验收报告（PDF）',
      reportSaved: '月报已报送', accepted: '验收完成：{{verdict}}', penaltyNone: '—', commitmentsOn: '承诺日期：{{on}}',
    },
    event: { create: '入库', edit: '修改项目', stage: '推进阶段', stage_back: '退回阶段', terminate: '终止项目', report: '报送月报', raise_task: '转为督办事项', acceptance: '对标验收', file: '上传材料', appeal: '提出申诉', appeal_accept: '采纳申诉', appeal_reject: '驳回申诉', import_update: '导入更新' },
    appeal: {
      open: '申诉', title: '对验收结果提出申诉', submit: '提交申诉', indicator: '有异议的指标', indicatorRequired: '请选择指标', claimed: '申诉的实际值', claimedRequired: '请填写实际值',
      reason: '申诉理由', reasonRequired: '请填写申诉理由', evidence: '证明材料（可选）', filed: '申诉已提交', list: '申诉', decision: '处理意见', decisionPlaceholder: '处理意见（必填）',
      accept: '采纳并重新验收', reject: '驳回', accepted: '已采纳，已重新验收', rejected: '已驳回',
      status: { pending: '待处理', accepted: '已采纳', rejected: '已驳回' },
    },
    settings: {
      title: '项目设置', save: '保存设置', saved: '设置已保存', general: '基本设置', officeUnits: '招商主管单位（可维护项目库、查看全部项目）', reportDueDay: '月报截止日（次月几日）',
      tracks: '产业赛道', targets: '招商目标', targetName: '目标名称', addTarget: '添加目标', controlTable: '标准地控制指标表', source: '依据文件',
      illustrativeFlag: '示例数据', illustrative: '当前控制指标表为示例数据，仅供演示；请按本地区正式文件修改。', acceptanceYears: '投产后几年验收', rectifyMonths: '整改期限（月）',
      penaltyFormula: '违约金公式（shortfall_ratio 为未达标比例）', indicators: '控制指标', unit: '单位', min: '不低于', max: '不高于', formula: '计算公式（留空则验收时录入）', addIndicator: '添加指标',
      rows: '各行业控制值', prefix: '行业代码前缀', label: '行业名称', addRow: '添加行业',
    },
    pipeline: {
      title: '项目漏斗', year: '年度', total: '项目总数', investment: '总投资(万元)', plan: '年度计划投资(万元)', funnel: '各阶段项目（已达到该阶段）', byTrack: '各赛道项目（当前阶段）',
      monthly: '月度完成投资与计划', done: '累计完成', planLine: '计划（按月均摊）', month: '当月完成', targets: '招商目标', behind: '滞后项目', lights: '预警分布',
      acceptance: '对标验收结果', terminated: '已终止', openLedger: '查看台账', met: '已完成', notMet: '未完成', none: '暂无',
    },
    panel: { title: '重大项目', more: '项目漏斗' },
  },
};
export default zhProjects;
