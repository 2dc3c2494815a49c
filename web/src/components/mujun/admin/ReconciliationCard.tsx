import { Badge, Card, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MujunReconciliation } from '../../../api/mujunAdminTypes';
import { LoadError } from '../../Results';
import { fmt } from '../results/classes';

type Labels = { source: (id: string) => string; field: (key: string) => string };

/** A tab's title with its count as a badge (red when there is something to look at). */
function tabLabel(key: string, text: string, n: number) {
  return (
    <span data-testid={`mujun-recon-tab-${key}`}>
      {text}
      <Badge count={n} showZero overflowCount={9999} color={n ? '#cf1322' : '#52c41a'} style={{ marginInlineStart: 6 }} />
    </span>
  );
}

const num = (v: number) => fmt(v, 4);

/** 归集核对: what the departments' files disagree on, one tab per kind, counts as badges. */
export function ReconciliationCard({
  data,
  loading,
  error,
  onRetry,
  labels,
}: {
  data: MujunReconciliation | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  labels: Labels;
}) {
  const { t } = useTranslation();
  const r = data;
  const empty = { emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mujunAdmin.recon.empty')} /> };
  const page = { pageSize: 10, hideOnSinglePage: true, size: 'small' as const, showSizeChanger: false };
  const sourceFilters = (ids: string[]) => [...new Set(ids)].map((s) => ({ text: labels.source(s), value: s }));
  const usccCol = {
    title: t('mujunAdmin.recon.uscc'),
    dataIndex: 'uscc',
    width: 200,
    render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
  };

  return (
    <Card
      title={t('mujunAdmin.recon.title')}
      style={{ marginTop: 16 }}
      loading={loading && !r}
      data-testid="mujun-recon"
      extra={
        r && (
          <Space size={12} wrap>
            <Typography.Text>{t('mujunAdmin.recon.enterprises', { count: r.enterprises })}</Typography.Text>
          </Space>
        )
      }
    >
      {error ? (
        <LoadError error={error} onRetry={onRetry} />
      ) : !r ? null : r.sources.every((s) => !s.uploadId) ? (
        <Empty description={t('mujunAdmin.recon.noData')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('mujunAdmin.recon.help')}
          </Typography.Paragraph>
          <Tabs
            items={[
              {
                key: 'missing',
                label: tabLabel('missing', t('mujunAdmin.recon.missing'), r.missing.length),
                children: (
                  <Table
                    size="small"
                    rowKey={(x) => `${x.source}|${x.uscc}`}
                    dataSource={r.missing}
                    pagination={page}
                    locale={empty}
                    columns={[
                      {
                        title: t('mujunAdmin.recon.source'),
                        dataIndex: 'source',
                        width: 240,
                        render: (v: string) => labels.source(v),
                        filters: sourceFilters(r.missing.map((x) => x.source)),
                        onFilter: (v, x) => x.source === v,
                      },
                      usccCol,
                      { title: t('mujunAdmin.recon.name'), dataIndex: 'name' },
                    ]}
                  />
                ),
              },
              {
                key: 'names',
                label: tabLabel('names', t('mujunAdmin.recon.nameConflicts'), r.nameConflicts.length),
                children: (
                  <Table
                    size="small"
                    rowKey="uscc"
                    dataSource={r.nameConflicts}
                    pagination={page}
                    locale={empty}
                    columns={[
                      usccCol,
                      {
                        title: t('mujunAdmin.recon.names'),
                        dataIndex: 'names',
                        render: (names: MujunReconciliation['nameConflicts'][number]['names']) => (
                          <Space orientation="vertical" size={2}>
                            {names.map((n) => (
                              <span key={`${n.source}|${n.name}`}>
                                <Tag>{labels.source(n.source)}</Tag>
                                {n.name}
                              </span>
                            ))}
                          </Space>
                        ),
                      },
                    ]}
                  />
                ),
              },
              {
                key: 'duplicates',
                label: tabLabel('duplicates', t('mujunAdmin.recon.duplicates'), r.duplicates.length),
                children: (
                  <Table
                    size="small"
                    rowKey={(x) => `${x.source}|${x.uscc}`}
                    dataSource={r.duplicates}
                    pagination={page}
                    locale={empty}
                    columns={[
                      {
                        title: t('mujunAdmin.recon.source'),
                        dataIndex: 'source',
                        width: 240,
                        render: (v: string) => labels.source(v),
                      },
                      usccCol,
                      { title: t('mujunAdmin.recon.count'), dataIndex: 'count', width: 100, align: 'right' },
                    ]}
                  />
                ),
              },
              {
                key: 'outliers',
                label: tabLabel('outliers', t('mujunAdmin.recon.outliers'), r.outliers.length),
                children: (
                  <Table
                    size="small"
                    rowKey={(x) => `${x.uscc}|${x.field}`}
                    dataSource={r.outliers}
                    pagination={page}
                    locale={empty}
                    columns={[
                      usccCol,
                      { title: t('mujunAdmin.recon.name'), dataIndex: 'name' },
                      {
                        title: t('mujunAdmin.recon.field'),
                        dataIndex: 'field',
                        width: 180,
                        render: (v: string) => labels.field(v),
                        filters: [...new Set(r.outliers.map((x) => x.field))].map((f) => ({ text: labels.field(f), value: f })),
                        onFilter: (v, x) => x.field === v,
                      },
                      { title: t('mujunAdmin.recon.lastYear'), dataIndex: 'lastYear', width: 120, align: 'right', render: num },
                      { title: t('mujunAdmin.recon.value'), dataIndex: 'value', width: 120, align: 'right', render: num },
                      {
                        title: t('mujunAdmin.recon.ratio'),
                        dataIndex: 'ratio',
                        width: 90,
                        align: 'right',
                        sorter: (a, b) => Math.abs(Math.log(a.ratio)) - Math.abs(Math.log(b.ratio)),
                        render: (v: number) => (
                          <Typography.Text type={v >= 1 ? 'danger' : 'warning'}>× {v.toFixed(v >= 10 ? 1 : 2)}</Typography.Text>
                        ),
                      },
                    ]}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
