import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, type Query } from '../../api/client';
import { usePaged } from '../../api/hooks';
import type { AuditEvent } from '../../api/types';
import { AuditFilters } from '../../components/AuditFilters';
import { notifyError } from '../../components/feedback';
import { formatTime } from '../../components/format';
import { LoadError } from '../../components/Results';
import { useAuditLabels } from '../../components/auditLabels';

function Json({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <pre className="ls-json">{value === null || value === undefined ? t('audit.noData') : JSON.stringify(value, null, 2)}</pre>
    </>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Query>({});
  const [exporting, setExporting] = useState(false);
  const list = usePaged<AuditEvent>('/audit', filters);
  const labels = useAuditLabels();

  const exportXlsx = async (q: Query) => {
    setExporting(true);
    try {
      await download('/audit/export', q, `audit-${dayjs().format('YYYYMMDD-HHmm')}.xlsx`);
    } catch (e) {
      notifyError(e);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<AuditEvent> = [
    { title: t('audit.time'), dataIndex: 'at', width: 170, render: (v: string) => formatTime(v, true) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 140, render: (v: string | null) => v || '—' },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v || '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      render: (v: string) => <span title={v}>{labels.action(v)}</span>,
    },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_, e) =>
        e.targetType || e.targetId ? (
          <span>
            {e.targetType && <Tag color="blue">{labels.target(e.targetType)}</Tag>}
            <Typography.Text copyable={!!e.targetId} style={{ fontSize: 12 }} type="secondary">
              {e.targetId ?? ''}
            </Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <h2 className="ls-page-title">{t('audit.title')}</h2>
      <Card>
        <AuditFilters onSearch={setFilters} onExport={(q) => void exportXlsx(q)} exporting={exporting} />
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<AuditEvent>
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            columns={columns}
            locale={{ emptyText: t('audit.empty') }}
            scroll={{ x: 900 }}
            expandable={{
              rowExpandable: (e) => e.before != null || e.after != null,
              expandedRowRender: (e) => (
                <Row gutter={16}>
                  <Col span={12}>
                    <Json label={t('audit.before')} value={e.before} />
                  </Col>
                  <Col span={12}>
                    <Json label={t('audit.after')} value={e.after} />
                  </Col>
                </Row>
              ),
            }}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: list.data?.total ?? 0,
              onChange: list.onPageChange,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        )}
      </Card>
    </>
  );
}
