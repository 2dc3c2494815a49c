import { Progress, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DirectiveRow } from '../../api/dashboardTypes';
import { FigureLink } from './Panels';

/** Each meeting directive's progress; every number opens the ledger on exactly its tasks. */
export function DirectivePanel({ rows }: { rows: DirectiveRow[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<DirectiveRow> = [
    {
      title: t('dashboard.directive'),
      key: 'directive',
      ellipsis: true,
      render: (_, r) => (
        <span>
          <Link to={`/meetings/${r.meetingId}`}>{r.meetingTitle}</Link> · {r.marker}
          {r.standard ? `：${r.standard}` : ''}
          {r.field ? ` → ${r.field}` : ''}
        </span>
      ),
    },
    { title: t('dashboard.total'), key: 'total', width: 70, align: 'right', render: (_, r) => <FigureLink fig={r.total} testId={`dash-directive-total-${r.id}`} /> },
    { title: t('dashboard.closed'), key: 'closed', width: 64, align: 'right', render: (_, r) => <FigureLink fig={r.closed} /> },
    { title: t('dashboard.avgPercent'), key: 'avg', width: 140, render: (_, r) => <Progress percent={r.avgPercent ?? 0} size="small" /> },
  ];
  return <Table<DirectiveRow> rowKey="id" size="small" pagination={false} columns={columns} dataSource={rows} />;
}
