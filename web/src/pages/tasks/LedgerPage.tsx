import { Button, Card, Progress, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, download } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { LedgerRow, LedgerSort } from '../../api/taskTypes';
import type { Paged } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { notifyError } from '../../components/feedback';
import { formatTime } from '../../components/format';
import { LoadError } from '../../components/Results';
import { LedgerFilters } from '../../components/tasks/LedgerFilters';
import { filterQuery, readView, writeView, type LedgerView } from '../../components/tasks/ledgerQuery';
import { LightTag } from '../../components/tasks/LightTag';
import { PriorityTag, StatusTag } from '../../components/tasks/TaskTags';

type SortField = 'number' | 'deadline' | 'percent';
const orderOf = (sort: LedgerSort, field: SortField) =>
  sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;

export default function LedgerPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = readView(params);
  const [exporting, setExporting] = useState(false);
  const key = writeView(view).toString();
  const list = useRequest(
    () => api.get<Paged<LedgerRow>>('/tasks', { ...filterQuery(view), sort: view.sort, page: view.page, pageSize: view.pageSize }),
    `ledger|${key}`,
  );

  const go = (next: LedgerView) => setParams(writeView(next));
  const onFilter = (patch: Partial<LedgerView['filters']>) => {
    const filters = { ...view.filters, ...patch };
    for (const k of Object.keys(filters) as (keyof typeof filters)[]) if (!filters[k]) delete filters[k];
    go({ ...view, filters, page: 1 });
  };
  const onTable: TableProps<LedgerRow>['onChange'] = (pagination, _f, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = s?.columnKey as SortField | undefined;
      const sort: LedgerSort = field && s?.order ? ((s.order === 'descend' ? `-${field}` : field) as LedgerSort) : 'deadline';
      go({ ...view, sort, page: 1 });
    } else if (extra.action === 'paginate') {
      const pageSize = pagination.pageSize ?? view.pageSize;
      go({ ...view, page: pageSize === view.pageSize ? (pagination.current ?? 1) : 1, pageSize });
    }
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download('/tasks/export', filterQuery(view), `督办台账-${dayjs().format('YYYYMMDD')}.xlsx`);
    } catch (e) {
      notifyError(e);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<LedgerRow> = [
    {
      title: t('task.number'),
      key: 'number',
      dataIndex: 'number',
      width: 105,
      sorter: true,
      sortOrder: orderOf(view.sort, 'number'),
      render: (v: string, r) => <Link to={`/tasks/${r.id}`}>{v}</Link>,
    },
    {
      title: t('light.label'),
      key: 'light',
      dataIndex: 'light',
      width: Number(t('light.columnWidth')),
      render: (v: LedgerRow['light']) => <LightTag light={v} />,
    },
    {
      title: t('task.title'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <>
          <Link to={`/tasks/${r.id}`} style={{ color: 'inherit' }}>
            {v}
          </Link>{' '}
          <PriorityTag priority={r.priority} />
        </>
      ),
    },
    { title: t('task.leader'), dataIndex: 'leadLeaderTitle', width: 118, ellipsis: true, render: (v: string | null) => v || '—' },
    { title: t('task.leadUnit'), dataIndex: 'leadUnitName', width: 118, ellipsis: true },
    {
      title: t('task.coopUnits'),
      dataIndex: 'coopUnitNames',
      width: 118,
      render: (v: string[]) => (v.length ? <Typography.Text ellipsis={{ tooltip: v.join('、') }}>{v.join('、')}</Typography.Text> : '—'),
    },
    {
      title: t('task.deadline'),
      key: 'deadline',
      dataIndex: 'deadline',
      width: 100,
      sorter: true,
      sortOrder: orderOf(view.sort, 'deadline'),
      render: (v: string, r) =>
        r.overdue ? (
          <Tooltip title={t('task.overdue')}>
            <span className="ls-overdue">{v}</span>
          </Tooltip>
        ) : (
          v
        ),
    },
    {
      title: t('task.progress'),
      key: 'percent',
      dataIndex: 'percent',
      width: 110,
      sorter: true,
      sortOrder: orderOf(view.sort, 'percent'),
      render: (v: number, r) => <Progress percent={v} size="small" format={(n) => `${n}%`} status={r.overdue ? 'exception' : v >= 100 ? 'success' : 'normal'} />,
    },
    {
      title: t('task.latest'),
      dataIndex: 'latestReportText',
      width: 170,
      render: (v: string | null, r) =>
        v ? (
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: `${formatTime(r.latestReportAt)}\n${v}` }} style={{ marginBottom: 0 }}>
            {v}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('ledger.noReport')}</Typography.Text>
        ),
    },
    { title: t('task.status'), dataIndex: 'status', width: 128, fixed: 'right', render: (v: LedgerRow['status']) => <StatusTag status={v} /> },
  ];

  return (
    <>
      <div className="ls-page-head">
        <h2 className="ls-page-title">{t('ledger.title')}</h2>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="ledger-export">
            {t('ledger.export')}
          </Button>
          {can('tasks.manage') && (
            <>
              <Button icon={<CloudUploadOutlined />} onClick={() => navigate('/tasks/import')} data-testid="ledger-import">
                {t('ledger.import')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/tasks/new')} data-testid="ledger-create">
                {t('ledger.create')}
              </Button>
            </>
          )}
        </Space>
      </div>
      <Card>
        <LedgerFilters
          view={view}
          onFilter={onFilter}
          onSort={(sort) => go({ ...view, sort, page: 1 })}
          onClear={() => go({ filters: {}, sort: view.sort, page: 1, pageSize: view.pageSize })}
        />
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <div data-testid="ledger-table" data-total={list.data?.total ?? ''}>
            <Table<LedgerRow>
              className="ls-ledger"
              rowKey="id"
              size="small"
              loading={list.loading}
              dataSource={list.data?.items ?? []}
              columns={columns}
              onChange={onTable}
              scroll={{ x: 1220 }}
              locale={{ emptyText: Object.keys(view.filters).length ? t('ledger.empty') : t('ledger.emptyAll') }}
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
      </Card>
    </>
  );
}
