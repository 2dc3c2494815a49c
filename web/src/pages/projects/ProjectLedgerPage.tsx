// 项目台账: the register in the reader's scope, filtered, sorted and paged on the server; the view lives in the URL.
import { Button, Card, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { DownloadOutlined, FunnelPlotOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, download, type Query } from '../../api/client';
import { ImportCard } from '../../components/ImportCard';
import { notifyError, toast } from '../../components/feedback';
import { useRequest } from '../../api/hooks';
import { INVESTOR_FLAGS, PROJECT_SORTS, PROJECT_SOURCES, STATES, type AcceptDue, type ProjectImportResult, type ProjectLedgerPage, type ProjectRow, type ProjectSettings, type ProjectSort } from '../../api/projectTypes';
import { LIGHTS } from '../../api/taskTypes';
import { LoadError } from '../../components/Results';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { LightTag } from '../../components/tasks/LightTag';
import { leaderLabel, useLeaders, useUnits } from '../../components/tasks/useTaskRefs';
import { ProjectFormModal } from '../../components/projects/ProjectFormModal';
import { money, StageTag, VerdictTag } from '../../components/projects/ProjectTags';

const FILTERS = ['q', 'year', 'state', 'track', 'source', 'flag', 'leaderId', 'unitId', 'light', 'behind', 'verdict'] as const;
type FilterKey = (typeof FILTERS)[number];

export default function ProjectLedgerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const f: Partial<Record<FilterKey, string>> = {};
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  const sortParam = params.get('sort') as ProjectSort | null;
  const sort: ProjectSort = sortParam && (PROJECT_SORTS as readonly string[]).includes(sortParam) ? sortParam : 'number';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = [10, 20, 50, 100].includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  const query: Query = { ...f, sort, page, pageSize };
  const list = useRequest(() => api.get<ProjectLedgerPage>('/projects', query), `projects|${JSON.stringify(query)}`);
  const settings = useRequest(() => api.get<ProjectSettings>('/projects/settings'), 'project-settings');
  const units = useUnits();
  const leaders = useLeaders();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [runningDue, setRunningDue] = useState(false);
  // 对标验收 of every project due (投产 + the configured years), on last year's 亩均 data
  const runDue = async () => {
    const year = new Date().getFullYear() - 1;
    setRunningDue(true);
    try {
      const r = await api.post<AcceptDue>('/projects/acceptances', { year });
      toast('success', t('project.ledger.acceptDueDone', { year, judged: r.judged, pass: r.pass, fail: r.fail, incomplete: r.incomplete }));
      list.reload();
    } catch (e) {
      notifyError(e);
    } finally {
      setRunningDue(false);
    }
  };
  // the export takes the screen's filters; the import is the yearly list of the year filtered on (else this year)
  const exportQuery: Query = { ...f };
  const importYear = f.year ? Number(f.year) : new Date().getFullYear();
  const [q, setQ] = useState(f.q ?? '');
  useEffect(() => setQ(f.q ?? ''), [f.q]);

  const go = (patch: Partial<Record<FilterKey | 'sort' | 'page' | 'pageSize', string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const onTable: TableProps<ProjectRow>['onChange'] = (p, _f, _s, extra) => {
    if (extra.action === 'paginate') go({ page: String(p.current ?? 1), pageSize: String(p.pageSize ?? 20) });
  };
  const multi = (k: FilterKey) => (f[k] ? f[k]!.split(',') : []);

  const columns: TableColumnsType<ProjectRow> = [
    { title: t('project.f.number'), dataIndex: 'number', width: 150, render: (v: string, r) => <Link to={`/projects/${r.id}`}>{v}</Link> },
    { title: t('project.detail.light'), dataIndex: 'light', width: 76, render: (v: ProjectRow['light']) => <LightTag light={v} /> },
    {
      title: t('project.f.name'),
      dataIndex: 'name',
      width: 280,
      render: (v: string, r) => (
        <>
          <Link to={`/projects/${r.id}`} style={{ color: 'inherit' }}>{v}</Link>
          <div style={{ fontSize: 12, color: '#888' }}>
            {r.investorName}
            {r.investorFlags.map((x) => (
              <Tag key={x} color="volcano" style={{ marginInlineStart: 4, fontSize: 11, lineHeight: '16px' }}>{t(`project.flag.${x}`)}</Tag>
            ))}
          </div>
        </>
      ),
    },
    { title: t('project.f.stage'), dataIndex: 'state', width: 90, render: (v: ProjectRow['state']) => <StageTag state={v} /> },
    { title: t('project.f.track'), dataIndex: 'track', width: 100, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('project.f.source'), dataIndex: 'source', width: 90, render: (v: ProjectRow['source']) => t(`project.source.${v}`) },
    { title: t('project.f.total'), dataIndex: 'totalInvestment', width: 110, align: 'right', render: money },
    { title: t('project.f.toDate'), dataIndex: 'investmentToDate', width: 120, align: 'right', render: money },
    { title: t('project.f.leadUnit'), dataIndex: 'leadUnitName', width: 110, ellipsis: true },
    { title: t('project.f.leader'), dataIndex: 'leaderName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: t('project.f.latestReport'), dataIndex: 'latestReportMonth', width: 90, render: (v: string | null) => v ?? '—' },
    { title: t('project.f.verdict'), dataIndex: 'acceptanceVerdict', width: 90, render: (v: ProjectRow['acceptanceVerdict']) => <VerdictTag verdict={v} /> },
  ];

  return (
    <>
      <div className="ls-page-head">
        <h2 className="ls-page-title">{t('project.ledger.title')}</h2>
        <Space wrap>
          <Button icon={<FunnelPlotOutlined />} onClick={() => navigate(`/projects/pipeline${f.year ? `?year=${f.year}` : ''}`)}>
            {t('project.ledger.pipeline')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void download('/projects/export', exportQuery, 'projects.xlsx').catch(notifyError)} data-testid="project-export">
            {t('project.ledger.export')}
          </Button>
          {list.data?.canManage && (
            <Button onClick={() => void runDue()} loading={runningDue} data-testid="project-accept-due">
              {t('project.ledger.acceptDue')}
            </Button>
          )}
          {list.data?.canManage && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="project-import">
              {t('project.ledger.import')}
            </Button>
          )}
          {list.data?.canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-create">
              {t('project.ledger.create')}
            </Button>
          )}
        </Space>
      </div>
      <Card>
        <div className="ls-filters" data-testid="project-filters">
          <Input.Search allowClear value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => go({ q: v.trim() || undefined })} placeholder={t('project.ledger.search')} style={{ width: 220 }} data-testid="project-search" />
          <InputNumber placeholder={t('project.f.year')} value={f.year ? Number(f.year) : null} min={2000} max={2100} onChange={(v) => go({ year: v ? String(v) : undefined })} style={{ width: 100 }} data-testid="project-year" />
          <Select mode="multiple" allowClear maxTagCount="responsive" placeholder={t('project.f.stage')} value={multi('state')} options={STATES.map((s) => ({ value: s, label: t(`project.stage.${s}`) }))} onChange={(v: string[]) => go({ state: v.join(',') || undefined })} style={{ width: 200 }} data-testid="project-state" />
          <Select allowClear placeholder={t('project.f.track')} value={f.track} options={(settings.data?.tracks ?? []).map((x) => ({ value: x, label: x }))} onChange={(v?: string) => go({ track: v })} style={{ width: 130 }} />
          <Select allowClear placeholder={t('project.f.source')} value={f.source} options={PROJECT_SOURCES.map((s) => ({ value: s, label: t(`project.source.${s}`) }))} onChange={(v?: string) => go({ source: v })} style={{ width: 120 }} />
          <Select allowClear placeholder={t('project.f.flags')} value={f.flag} options={INVESTOR_FLAGS.map((s) => ({ value: s, label: t(`project.flag.${s}`) }))} onChange={(v?: string) => go({ flag: v })} style={{ width: 140 }} popupMatchSelectWidth={false} />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('project.f.leader')} value={f.leaderId} loading={leaders.loading} options={(leaders.data ?? []).map((l) => ({ value: l.personId, label: leaderLabel(l) }))} onChange={(v?: string) => go({ leaderId: v })} style={{ width: 170 }} popupMatchSelectWidth={false} />
          <UnitTreeSelect units={units.data ?? []} loading={units.loading} value={f.unitId} onChange={(v) => go({ unitId: (v as string | undefined) || undefined })} placeholder={t('project.f.leadUnit')} style={{ width: 170 }} />
          <Select mode="multiple" allowClear maxTagCount="responsive" placeholder={t('light.filter')} value={multi('light')} options={LIGHTS.map((l) => ({ value: l, label: t(`light.${l}`) }))} onChange={(v: string[]) => go({ light: v.join(',') || undefined })} style={{ width: 150 }} />
          <Space size={6}>
            <Switch size="small" checked={f.behind === 'true'} onChange={(on) => go({ behind: on ? 'true' : undefined })} data-testid="project-behind" />
            <span>{t('project.ledger.behind')}</span>
          </Space>
          <Select value={sort} onChange={(v: ProjectSort) => go({ sort: v === 'number' ? undefined : v })} options={PROJECT_SORTS.map((s) => ({ value: s, label: t(`project.sort.${s}`) }))} style={{ width: 190 }} popupMatchSelectWidth={false} />
          {f.verdict && (
            <Tag closable onClose={() => go({ verdict: undefined })} color="blue">
              {t('project.f.verdict')}：{t(`project.verdict.${f.verdict}`)}
            </Tag>
          )}
          {Object.keys(f).length > 0 && (
            <Button type="link" onClick={() => setParams(new URLSearchParams())} style={{ paddingInline: 4 }}>
              {t('project.ledger.clear')}
            </Button>
          )}
        </div>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <div data-testid="project-table" data-total={list.data?.total ?? ''}>
            <Table<ProjectRow>
              rowKey="id"
              size="small"
              loading={list.loading}
              dataSource={list.data?.items ?? []}
              columns={columns}
              onChange={onTable}
              scroll={{ x: 1300 }}
              locale={{ emptyText: t('project.ledger.empty') }}
              pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (total) => t('project.ledger.total', { total }) }}
            />
          </div>
        )}
      </Card>
      {importing && (
        <Modal open width={720} title={t('project.ledger.importTitle')} footer={null} onCancel={() => { setImporting(false); list.reload(); }} destroyOnHidden>
          <ImportCard<ProjectImportResult>
            url="/projects/import"
            testId="project-import-card"
            intro={t('project.ledger.importIntro', { year: importYear })}
            prepare={async () => ({ query: { year: String(importYear) } })}
            success={(r) => ({ title: t('project.ledger.imported', { created: r.created, updated: r.updated }), detail: null })}
          />
        </Modal>
      )}
      {creating && (
        <ProjectFormModal
          onClose={() => setCreating(false)}
          onDone={(r) => {
            setCreating(false);
            navigate(`/projects/${r.id}`);
          }}
        />
      )}
    </>
  );
}
