// English for 重大项目; the same keys as zh.projects.ts.
const enProjects = {
  project: {
    menu: { group: 'Major projects', ledger: 'Project ledger', pipeline: 'Pipeline', settings: 'Settings' },
    stage: { negotiating: 'Negotiating', signed: 'Signed', land: 'Land supplied', started: 'Started', completed: 'Completed', producing: 'Producing', full: 'Full production', terminated: 'Terminated' },
    flag: { central_soe: 'Central SOE', national: 'National brand', fortune500: 'Fortune 500', china500: 'China Top 500', listed: 'Listed', foreign: 'Foreign-invested' },
    source: { fund: 'Fund-led', business: 'Investor referral', resident: 'Resident office', other: 'Other' },
    verdict: { pass: 'Passed', fail: 'Failed', incomplete: 'Data incomplete' },
    sort: { number: 'By number', '-number': 'By number (desc)', '-totalInvestment': 'Investment, highest first', totalInvestment: 'Investment, lowest first', '-investmentToDate': 'Completed investment, highest first', state: 'By stage', '-state': 'By stage (desc)' },
    f: {
      number: 'Number', name: 'Project', investor: 'Investor', uscc: 'Credit code', flags: 'Investor kind', source: 'Source', fund: 'Fund',
      industry: 'Industry code', track: 'Track', total: 'Total investment (10k CNY)', fixed: 'Fixed-asset investment (10k CNY)', yearPlan: 'Plan this year (10k CNY)', land: 'Land (mu)',
      place: 'Place', leader: 'Leader in charge', leadUnit: 'Lead unit', coopUnits: 'Cooperating units', year: 'Year', stage: 'Stage', toDate: 'Invested to date (10k CNY)',
      latestReport: 'Latest report', planned: 'Planned', actual: 'Actual', verdict: 'Acceptance',
    },
    ledger: {
      title: 'Project ledger', search: 'Name, investor, number', behind: 'Behind schedule only', create: 'New project', empty: 'No project matches', total: '{{total}} projects',
      allYears: 'All years', clear: 'Clear filters', pipeline: 'Pipeline',
      export: 'Export ledger', acceptDue: 'Accept due projects', acceptDueDone: '{{year}} data: {{judged}} judged, {{pass}} passed, {{fail}} failed, {{incomplete}} incomplete', import: 'Import yearly list', importTitle: 'Import the yearly project list', importIntro: 'Import the {{year}} project list (.xlsx; the first row may be a title). Rows with a project number update that project, rows without add a project; stages are not moved by an import. Any error imports nothing and is listed with its row and column.', imported: 'Imported: {{created}} added, {{updated}} updated',
    },
    form: { title: 'New project', editTitle: 'Edit project', saved: 'Saved', created: 'Project registered: {{number}}', plannedHint: 'Planned date of each stage (for the warnings)' },
    detail: {
      notFound: 'The project does not exist or is outside your scope.', back: 'Back to the ledger', info: 'Project', stages: 'Stages', commitments: 'Land commitments (标准地)', noCommitments: 'Fixed from the control table at land supply',
      committed: 'Committed', tableValue: 'Table value', overrideReason: 'Reason', indicator: 'Indicator', reports: 'Monthly reports', noReports: 'No monthly report yet',
      report: 'File monthly report', month: 'Month', investMonth: 'Invested this month (10k CNY)', investToDate: 'Invested to date (10k CNY)', progress: 'Progress', problems: 'Problems needing help',
      raise: 'Make a tracked task', raised: 'Tracked as task {{number}}', tasks: 'Tracked tasks', acceptances: 'Acceptance checks', noAcceptances: 'No acceptance yet', accept: 'Acceptance check',
      acceptYear: 'Data year', entered: 'Enter actual values (indicators without data)', actual: 'Actual', shortfall: 'Shortfall', from: 'From', fromData: 'Per-mu data', fromEntered: 'Entered',
      rectifyBy: 'Rectify by', penalty: 'Penalty (10k CNY)', files: 'Files', noFiles: 'No file yet', upload: 'Upload file', uploaded: 'Uploaded', timeline: 'Timeline',
      advance: 'Advance to “{{stage}}”', goBack: 'Move back', terminate: 'Terminate', on: 'Date', reason: 'Reason', evidence: 'Evidence', overrides: 'Override commitments (optional, with a reason)',
      moved: 'Done', to: 'Back to', reasonRequired: 'Please give a reason', terminated: 'Terminated: {{reason}}', light: 'Warning', lightReasons: 'Why', number: 'Number',
      pledge: 'Pledge (.docx)', edit: 'Edit', reportPdf: 'Acceptance report (PDF)',
      reportSaved: 'Report filed', accepted: 'Acceptance done: {{verdict}}', penaltyNone: '—', commitmentsOn: 'Committed on {{on}}',
    },
    event: { create: 'Registered', edit: 'Edited', stage: 'Stage advanced', stage_back: 'Stage moved back', terminate: 'Terminated', report: 'Monthly report', raise_task: 'Tracked task raised', acceptance: 'Acceptance check', file: 'File uploaded', appeal: 'Appeal filed', appeal_accept: 'Appeal accepted', appeal_reject: 'Appeal rejected', import_update: 'Updated by import' },
    appeal: {
      open: 'Appeal', title: 'Appeal the acceptance', submit: 'Submit appeal', indicator: 'Indicator in dispute', indicatorRequired: 'Choose the indicator', claimed: 'Claimed actual value', claimedRequired: 'Enter the value',
      reason: 'Reason', reasonRequired: 'Enter the reason', evidence: 'Evidence (optional)', filed: 'Appeal filed', list: 'Appeals', decision: 'Decision', decisionPlaceholder: 'Decision (required)',
      accept: 'Accept and judge again', reject: 'Reject', accepted: 'Accepted and judged again', rejected: 'Rejected',
      status: { pending: 'Pending', accepted: 'Accepted', rejected: 'Rejected' },
    },
    settings: {
      title: 'Project settings', save: 'Save settings', saved: 'Settings saved', general: 'General', officeUnits: 'Investment bureau units (keep the register, see every project)', reportDueDay: 'Monthly report due (day of next month)',
      tracks: 'Industry tracks', targets: 'Named targets', targetName: 'Target', addTarget: 'Add target', controlTable: '标准地 control indicators', source: 'Source document',
      illustrativeFlag: 'Illustrative', illustrative: 'The control table is illustrative demo data; replace it with the district\'s official figures.', acceptanceYears: 'Years after production to acceptance', rectifyMonths: 'Rectification period (months)',
      penaltyFormula: 'Penalty formula (shortfall_ratio: how far short)', indicators: 'Indicators', unit: 'Unit', min: 'At least', max: 'At most', formula: 'Formula (empty: entered at acceptance)', addIndicator: 'Add indicator',
      rows: 'Values per industry', prefix: 'Industry code prefix', label: 'Industry', addRow: 'Add industry',
    },
    pipeline: {
      title: 'Project pipeline', year: 'Year', total: 'Projects', investment: 'Total investment (10k CNY)', plan: 'Plan this year (10k CNY)', funnel: 'Projects by stage reached', byTrack: 'Projects by track (current stage)',
      monthly: 'Investment completed vs plan', done: 'Completed to date', planLine: 'Plan (even by month)', month: 'This month', targets: 'Investment targets', behind: 'Behind schedule', lights: 'Warnings',
      acceptance: 'Acceptance results', terminated: 'Terminated', openLedger: 'Open the ledger', met: 'Met', notMet: 'Not met', none: 'None',
    },
    panel: { title: 'Major projects', more: 'Pipeline' },
  },
};
export default enProjects;
