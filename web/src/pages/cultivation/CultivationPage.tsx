// 企业培育库: the year's tiers with their counts against the targets (bar chart), the movements against last year, and
// the list of enterprises per tier, town, movement and leader with the gap to the next tier. Tiers marked as an example
// (the demo's) say so. The evaluator edits the tier set.
import { Alert, Button, Card, Col, Empty, Input, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type {
  CultivationItem,
  CultivationLeader,
  CultivationMovementFilter,
  CultivationPage as Page,
  CultivationSummary,
  CultivationTiers,
} from '../../api/cultivationTypes';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { LoadError } from '../../components/Results';
import { TierChart } from '../../components/cultivation/TierChart';
import { TierEditor } from '../../components/cultivation/TierEditor';

const MOVEMENTS: CultivationMovementFilter[] = ['listed', 'up', 'down', 'new', 'xsg', 'exit', 'same', 'none'];
const MOVEMENT_COLORS: Record<string, string> = {
  up: 'green',
  down: 'orange',
  new: 'blue',
  exit: 'red',
  same: 'default',
  none: 'default',
  xsg: 'purple',
};
const FILTER_KEYS = ['tier', 'town', 'movement', 'leaderId', 'q'] as const;

const fmt = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

function GapCell({ r, fieldLabel }: { r: CultivationItem; fieldLabel: (k: string) => string }) {
  const { t } = useTranslation();
  if (!r.inData) return <Typography.Text type="secondary">{t('cultivation.notInData')}</Typography.Text>;
  if (!r.nextTier) return <Typography.Text type="secondary">{r.tier ? t('cultivation.gapTop') : '—'}</Typography.Text>;
  if (r.gap === null) return <span>{r.nextTier.name}：—</span>;
  if (r.gap === 0) return <span style={{ color: '#8c8c8c' }}>{t('cultivation.gapReached', { tier: r.nextTier.name })}</span>;
  return (
    <span title={r.gapField ? `${fieldLabel(r.gapField)}：${fmt(r.value ?? 0)}` : undefined}>
      {t('cultivation.gapText', {
        tier: r.nextTier.name,
        gap: `${fmt(r.gap)}${r.gapField ? ` (${fieldLabel(r.gapField)})` : ''}`,
      })}
    </span>
  );
}

export default function CultivationPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const filters: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = [10, 20, 50, 100].includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;

  const tiers = useRequest(() => api.get<CultivationTiers>('/cultivation/tiers'), 'cv-tiers');
  const summary = useRequest(
    () => api.get<CultivationSummary>('/cultivation/summary', year ? { year } : {}),
    `cv-summary|${year ?? ''}|${tiers.data ? JSON.stringify(tiers.data.tiers) : ''}`,
  );
  const leaders = useRequest(() => api.get<CultivationLeader[]>('/cultivation/leaders'), 'cv-leaders');
  const listKey = JSON.stringify({ year, filters, page, pageSize, s: summary.data?.tiers.map((x) => x.count) });
  const list = useRequest(
    () => api.get<Page>('/cultivation/enterprises', { ...(year ? { year } : {}), ...filters, page, pageSize }),
    `cv-list|${listKey}`,
    !!summary.data,
  );

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const fieldLabel = (k: string) => tiers.data?.fields.find((f) => f.key === k)?.zh ?? k;
  const noRuns = summary.error instanceof ApiError && summary.error.status === 422;
  const s = summary.data;
  const mvLabel = (m: string) => t(`cultivation.movement.${m}`);

  return (
    <div data-testid="cultivation-page">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('cultivation.title')}
        </Typography.Title>
        {tiers.data?.illustrative && (
          <Tag color="gold" data-testid="cultivation-illustrative" title={t('cultivation.illustrativeHint')}>
            {t('cultivation.illustrative')}
          </Tag>
        )}
        {s && !s.district && (
          <Tag color="cyan" title={t('cultivation.mineHint')}>
            {t('cultivation.mine')}
          </Tag>
        )}
        <span style={{ flex: 1 }} />
        {s && (
          <Select
            style={{ width: 140 }}
            value={s.year}
            options={s.years.map((y) => ({ value: y, label: t('cultivation.yearOption', { year: y }) }))}
            onChange={(y: number) => set({ year: String(y) })}
            data-testid="cultivation-year"
          />
        )}
        {can('mujun.manage') && tiers.data && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="cultivation-edit">
            {t('cultivation.edit.open')}
          </Button>
        )}
      </div>

      {tiers.data?.illustrative && tiers.data.note && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={tiers.data.note} data-testid="cultivation-note" />
      )}

      {tiers.error ? (
        <LoadError error={tiers.error} onRetry={tiers.reload} />
      ) : noRuns ? (
        <Card>
          <Empty description={t('cultivation.noRuns')} />
        </Card>
      ) : summary.error ? (
        <LoadError error={summary.error} onRetry={summary.reload} />
      ) : !s ? (
        <div style={{ textAlign: 'center', padding: 80 }}>
          <Spin />
        </div>
      ) : s.tiers.length === 0 ? (
        <Card>
          <Empty description={t('cultivation.noTiers')} />
        </Card>
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="cultivation-basis">
            {t('cultivation.basis', { year: s.run.year, v: s.run.version })}
            {s.previous ? t('cultivation.basisPrev', { year: s.previous.year, v: s.previous.version }) : t('cultivation.noPrev')}
          </Typography.Text>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={13}>
              <Card size="small" title={t('cultivation.chart.title')}>
                <TierChart summary={s} onTier={(id) => set({ tier: id })} />
              </Card>
            </Col>
            <Col xs={24} xl={11}>
              <Card size="small" title={t('cultivation.tiers')} data-testid="cultivation-tiers">
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={s.tiers}
                  columns={[
                    {
                      title: t('cultivation.tier'),
                      dataIndex: 'name',
                      render: (name: string, x) => <a onClick={() => set({ tier: x.id })}>{name}</a>,
                    },
                    {
                      title: t('cultivation.rule'),
                      dataIndex: 'rule',
                      render: (rule: string) => (
                        <Typography.Text code style={{ fontSize: 12 }}>
                          {rule}
                        </Typography.Text>
                      ),
                    },
                    {
                      title: `${t('cultivation.count')} / ${t('cultivation.target')}`,
                      key: 'n',
                      align: 'right',
                      render: (_: unknown, x) => (
                        <span
                          style={{
                            color: s.district && x.target !== null && x.count < x.target ? '#d46b08' : undefined,
                            whiteSpace: 'nowrap',
                          }}
                        >
                          <b>{x.count}</b> / {x.target ?? '—'}
                        </span>
                      ),
                    },
                    { title: t('cultivation.owner'), dataIndex: 'ownerUnitName', render: (v: string | null) => v ?? '—' },
                  ]}
                />
              </Card>
            </Col>
          </Row>

          <Card size="small" title={t('cultivation.movementTitle')}>
            <Space wrap data-testid="cultivation-movements">
              {(['up', 'down', 'new', 'xsg', 'exit', 'same'] as const).map((m) => {
                const n = m === 'xsg' ? s.movements.becameAboveScale : s.movements[m];
                const active = (filters.movement ?? 'listed') === m;
                return (
                  <Tag.CheckableTag key={m} checked={active} onChange={() => set({ movement: active ? undefined : m })}>
                    <span data-testid={`cultivation-movement-${m}`}>
                      {mvLabel(m)} <b>{n}</b>
                    </span>
                  </Tag.CheckableTag>
                );
              })}
            </Space>
          </Card>

          <Card size="small">
            <Space wrap style={{ marginBottom: 12 }}>
              <Select
                allowClear
                placeholder={t('cultivation.filter.tier')}
                style={{ width: 220 }}
                value={filters.tier}
                onChange={(v?: string) => set({ tier: v })}
                options={[
                  ...s.tiers.map((x) => ({ value: x.id, label: x.name })),
                  { value: 'none', label: t('cultivation.filter.tierNone') },
                ]}
                data-testid="cultivation-filter-tier"
              />
              <Select
                allowClear
                showSearch
                placeholder={t('cultivation.filter.town')}
                style={{ width: 160 }}
                value={filters.town}
                onChange={(v?: string) => set({ town: v })}
                options={s.towns.filter((x) => x.town).map((x) => ({ value: x.town!, label: x.town! }))}
                data-testid="cultivation-filter-town"
              />
              <Select
                placeholder={t('cultivation.filter.movement')}
                style={{ width: 190 }}
                value={filters.movement ?? 'listed'}
                onChange={(v: string) => set({ movement: v === 'listed' ? undefined : v })}
                options={MOVEMENTS.map((m) => ({ value: m, label: mvLabel(m) }))}
                data-testid="cultivation-filter-movement"
              />
              <Select
                allowClear
                placeholder={t('cultivation.filter.leader')}
                style={{ width: 200 }}
                value={filters.leaderId}
                onChange={(v?: string) => set({ leaderId: v })}
                options={(leaders.data ?? []).map((l) => ({ value: l.id, label: l.title ? `${l.name}（${l.title}）` : l.name }))}
                data-testid="cultivation-filter-leader"
              />
              <Input.Search
                allowClear
                placeholder={t('cultivation.filter.q')}
                style={{ width: 220 }}
                defaultValue={filters.q}
                onSearch={(v) => set({ q: v.trim() || undefined })}
              />
            </Space>
            {list.error ? (
              <LoadError error={list.error} onRetry={list.reload} />
            ) : (
              <Table<CultivationItem>
                size="small"
                rowKey="uscc"
                loading={list.loading}
                dataSource={list.data?.items ?? []}
                data-testid="cultivation-list"
                pagination={{
                  current: page,
                  pageSize,
                  total: list.data?.total ?? 0,
                  showSizeChanger: true,
                  pageSizeOptions: [10, 20, 50, 100],
                  onChange: (p, ps) => set({ page: String(p), pageSize: String(ps) }),
                }}
                columns={[
                  {
                    title: t('cultivation.col.name'),
                    key: 'name',
                    render: (_: unknown, r) => (
                      <div>
                        <div>{r.name}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.uscc}
                        </Typography.Text>
                      </div>
                    ),
                  },
                  { title: t('cultivation.col.town'), dataIndex: 'town', render: (v: string | null) => v ?? '—' },
                  { title: t('cultivation.tier'), key: 'tier', render: (_: unknown, r) => r.tier?.name ?? '—' },
                  { title: t('cultivation.previousTier'), key: 'prev', render: (_: unknown, r) => r.previousTier?.name ?? '—' },
                  {
                    title: t('cultivation.filter.movement'),
                    key: 'movement',
                    render: (_: unknown, r) => (
                      <Space size={4} wrap>
                        {r.movement !== 'none' && <Tag color={MOVEMENT_COLORS[r.movement]}>{mvLabel(r.movement)}</Tag>}
                        {r.becameAboveScale && <Tag color="purple">{mvLabel('xsg')}</Tag>}
                      </Space>
                    ),
                  },
                  { title: t('cultivation.col.class'), dataIndex: 'mujunClass', render: (v: string | null) => v ?? '—' },
                  {
                    title: t('cultivation.col.gap'),
                    key: 'gap',
                    render: (_: unknown, r) => <GapCell r={r} fieldLabel={fieldLabel} />,
                  },
                  {
                    title: t('cultivation.col.leaders'),
                    key: 'leaders',
                    render: (_: unknown, r) => r.leaders.map((l) => l.name).join('、') || '—',
                  },
                ]}
              />
            )}
          </Card>
        </Space>
      )}
      {editing && tiers.data && (
        <TierEditor
          tiers={tiers.data}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            tiers.reload();
          }}
        />
      )}
    </div>
  );
}
