// 排名: server-paged ranking of a run with filters (group, town, industry division, class, name), class as a colored tag.
import { Button, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client';
import { useRequest } from '../../../api/hooks';
import type { AggregateRow, EnterpriseStatus, ResultRow, ResultSort, RunSummary } from '../../../api/mujunTypes';
import type { Paged } from '../../../api/types';
import { LoadError } from '../../Results';
import { ClassTag, fmt, industryLabel } from './classes';

export interface RankingView {
  group?: string;
  town?: string;
  industry?: string;
  class?: string;
  status?: string;
  q?: string;
  sort: ResultSort;
  page: number;
  pageSize: number;
}

export const RANKING_KEYS = ['group', 'town', 'industry', 'class', 'status', 'q'] as const;

export function rankingFilters(v: RankingView): Record<string, string | undefined> {
  return { group: v.group, town: v.town, industry: v.industry, class: v.class, status: v.status, q: v.q };
}

const STATUSES: EnterpriseStatus[] = ['scored', 'exempt', 'tenant', 'unevaluated'];

export function RankingPanel({
  run,
  classes,
  view,
  onChange,
}: {
  run: RunSummary;
  classes: readonly string[] | undefined;
  view: RankingView;
  onChange: (v: RankingView) => void;
}) {
  const { t } = useTranslation();
  const filters = rankingFilters(view);
  const key = JSON.stringify({ ...filters, sort: view.sort, page: view.page, pageSize: view.pageSize });
  const list = useRequest(
    () =>
      api.get<Paged<ResultRow>>(`/mujun/runs/${run.id}/results`, {
        ...filters,
        sort: view.sort,
        page: view.page,
        pageSize: view.pageSize,
      }),
    `mujun-results|${run.id}|${key}`,
  );
  // filter options from the run's aggregates (the towns and industry divisions that occur)
  const towns = useRequest(
    () => api.get<AggregateRow[]>(`/mujun/runs/${run.id}/aggregates`, { by: 'town' }),
    `mujun-agg|${run.id}|town`,
  );
  const industries = useRequest(
    () => api.get<AggregateRow[]>(`/mujun/runs/${run.id}/aggregates`, { by: 'industry' }),
    `mujun-agg|${run.id}|industry`,
  );
  const groupName = (id: string | null) => run.groups.find((g) => g.id === id)?.name ?? id ?? '—';
  const set = (patch: Partial<RankingView>) => onChange({ ...view, ...patch, page: 1 });
  const anyFilter = RANKING_KEYS.some((k) => view[k]);

  const onTable: TableProps<ResultRow>['onChange'] = (pagination, _f, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = s?.columnKey;
      const sort: ResultSort =
        !s?.order || !field
          ? 'rank'
          : field === 'name'
            ? 'name'
            : field === 'total'
              ? s.order === 'descend'
                ? '-total'
                : 'total'
              : 'rank';
      onChange({ ...view, sort, page: 1 });
    } else if (extra.action === 'paginate') {
      const pageSize = pagination.pageSize ?? view.pageSize;
      onChange({ ...view, page: pageSize === view.pageSize ? (pagination.current ?? 1) : 1, pageSize });
    }
  };

  const heroCol = (h: 'mujun' | 'ditan' | 'keji' | 'renjun') => ({
    title: t(`mujun.hero.${h}`),
    key: h,
    width: 76,
    align: 'right' as const,
    render: (_: unknown, r: ResultRow) => fmt(r.heroes?.[h] ?? null, 1),
  });
  const columns: TableColumnsType<ResultRow> = [
    {
      // ranks are counted within each group (规上, 规下 …)
      title: t('mujun.col.groupRank'),
      key: 'rank',
      dataIndex: 'rank',
      width: 96,
      align: 'right',
      sorter: true,
      sortOrder: view.sort === 'rank' ? 'ascend' : null,
      render: (v: number | null) => (v === null ? '—' : v),
    },
    {
      title: t('mujun.col.name'),
      key: 'name',
      dataIndex: 'name',
      sorter: true,
      sortOrder: view.sort === 'name' ? 'ascend' : null,
      render: (v: string, r) => (
        <>
          <Link to={`/mujun/runs/${run.id}/enterprises/${r.uscc}`} data-testid={`mujun-ent-${r.uscc}`}>
            {v}
          </Link>
          <div style={{ fontSize: 12, color: '#8c8c8c' }}>{r.uscc}</div>
        </>
      ),
    },
    {
      title: t('mujun.col.class'),
      dataIndex: 'class',
      width: 64,
      align: 'center',
      render: (v: string | null, r) => <ClassTag value={v} testId={`mujun-class-${r.uscc}`} />,
    },
    {
      title: t('mujun.col.total'),
      key: 'total',
      dataIndex: 'total',
      width: 92,
      align: 'right',
      sorter: true,
      sortOrder: view.sort === '-total' ? 'descend' : view.sort === 'total' ? 'ascend' : null,
      render: (v: number | null, r) =>
        r.status === 'scored' ? (
          <strong>{fmt(v)}</strong>
        ) : (
          <Typography.Text type="secondary">{t(`mujun.status.${r.status}`)}</Typography.Text>
        ),
    },
    heroCol('mujun'),
    heroCol('ditan'),
    heroCol('keji'),
    heroCol('renjun'),
    // the group says the size (规上 / 规下) in every published scheme: no column of its own
    { title: t('mujun.col.group'), dataIndex: 'group', width: 120, ellipsis: true, render: (v: string | null) => groupName(v) },
    { title: t('mujun.col.town'), dataIndex: 'town', width: 124, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('mujun.col.industry'), dataIndex: 'industry', width: 76, render: (v: string | null) => v ?? '—' },
    {
      title: t('mujun.col.vetoes'),
      dataIndex: 'vetoes',
      width: 72,
      render: (v: string[]) =>
        v.length ? (
          <Tooltip title={v.join('、')}>
            <Tag color="red">{v.length}</Tag>
          </Tooltip>
        ) : (
          ''
        ),
    },
  ];

  return (
    <>
      <div className="ls-filters">
        <Select
          allowClear
          placeholder={t('mujun.filter.group')}
          style={{ width: 150 }}
          value={view.group}
          onChange={(v?: string) => set({ group: v })}
          options={run.groups.map((g) => ({ value: g.id, label: g.name }))}
          data-testid="mujun-filter-group"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('mujun.filter.town')}
          style={{ width: 160 }}
          value={view.town}
          onChange={(v?: string) => set({ town: v })}
          options={(towns.data ?? []).map((r) => ({ value: r.key, label: r.label }))}
          data-testid="mujun-filter-town"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('mujun.filter.industry')}
          style={{ width: 220 }}
          value={view.industry}
          onChange={(v?: string) => set({ industry: v })}
          options={(industries.data ?? []).map((r) => ({ value: r.key, label: industryLabel(r) }))}
          data-testid="mujun-filter-industry"
        />
        <Select
          allowClear
          placeholder={t('mujun.filter.class')}
          style={{ width: 100 }}
          value={view.class}
          onChange={(v?: string) => set({ class: v })}
          options={(classes ?? []).map((c) => ({ value: c, label: c }))}
          data-testid="mujun-filter-class"
        />
        <Select
          allowClear
          placeholder={t('mujun.filter.status')}
          style={{ width: 110 }}
          value={view.status}
          onChange={(v?: string) => set({ status: v })}
          options={STATUSES.map((s) => ({ value: s, label: t(`mujun.status.${s}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('mujun.filter.q')}
          style={{ width: 240 }}
          defaultValue={view.q}
          key={view.q ?? ''}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          data-testid="mujun-filter-q"
        />
        {anyFilter && (
          <Button type="link" onClick={() => onChange({ sort: view.sort, page: 1, pageSize: view.pageSize })}>
            {t('mujun.filter.clear')}
          </Button>
        )}
      </div>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <div data-testid="mujun-ranking" data-total={list.data?.total ?? ''}>
          <Table<ResultRow>
            rowKey="uscc"
            size="small"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            columns={columns}
            onChange={onTable}
            scroll={{ x: 1150 }}
            pagination={{
              current: view.page,
              pageSize: view.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        </div>
      )}
    </>
  );
}
