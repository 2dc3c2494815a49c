// 单位考核: every unit's score, rank and breakdown for a period; export; 督查室 edits the scheme (PUT, 422 shown as is).
import { Button, Card, DatePicker, Form, InputNumber, Modal, Space, Table, Typography, Descriptions } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, download } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { ScoreItem, ScoreScheme, Scores, UnitScore } from '../../api/dashboardTypes';
import { useAuth } from '../../auth/AuthContext';
import { errorText, notifyError, toast } from '../../components/feedback';
import { LoadError } from '../../components/Results';

const FIELDS = [
  ['base', 'scores.base'],
  ['onTimeReport', 'scores.onTimeReport'],
  ['closedOnTime', 'scores.closedOnTime'],
  ['overdue', 'scores.overdueItem'],
  ['returned', 'scores.returned'],
  ['red', 'scores.red'],
] as const;
const QUALITY = [
  ['excellent', 'scores.qExcellent'],
  ['good', 'scores.qGood'],
  ['poor', 'scores.qPoor'],
] as const;

function SchemeCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const res = useRequest(() => api.get<ScoreScheme>('/scores/scheme'), 'scheme');
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [form] = Form.useForm<ScoreScheme>();
  const s = res.data;
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setServerError(null);
    try {
      await api.put<ScoreScheme>('/scores/scheme', v);
      toast('success', t('scores.saved'));
      setEditing(false);
      res.reload();
    } catch (e) {
      setServerError(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  return (
    <Card
      size="small"
      title={t('scores.scheme')}
      loading={!s}
      extra={
        canEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={() => { form.setFieldsValue(s!); setServerError(null); setEditing(true); }} data-testid="scheme-edit">
            {t('scores.editScheme')}
          </Button>
        )
      }
    >
      {s && (
        <Descriptions size="small" column={{ xs: 1, md: 3, xl: 5 }} data-testid="scheme">
          {FIELDS.map(([k, label]) => (
            <Descriptions.Item key={k} label={t(label)}>{s[k]}</Descriptions.Item>
          ))}
          {QUALITY.map(([k, label]) => (
            <Descriptions.Item key={k} label={t(label)}>{s.quality[k]}</Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <Modal open={editing} title={t('scores.editScheme')} onCancel={() => setEditing(false)} onOk={() => void save()} confirmLoading={saving} destroyOnHidden>
        <Form form={form} layout="horizontal" labelCol={{ span: 10 }} preserve={false}>
          {FIELDS.map(([k, label]) => (
            <Form.Item key={k} name={k} label={t(label)} rules={[{ required: true }]}>
              <InputNumber style={{ width: 140 }} data-testid={`scheme-${k}`} />
            </Form.Item>
          ))}
          {QUALITY.map(([k, label]) => (
            <Form.Item key={k} name={['quality', k]} label={t(label)} rules={[{ required: true }]}>
              <InputNumber style={{ width: 140 }} />
            </Form.Item>
          ))}
        </Form>
        {serverError && (
          <Typography.Text type="danger" data-testid="scheme-error" style={{ whiteSpace: 'pre-wrap' }}>
            {serverError}
          </Typography.Text>
        )}
      </Modal>
    </Card>
  );
}

export default function ScoresPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const lastMonth = dayjs().subtract(1, 'month');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([lastMonth.startOf('month'), lastMonth.endOf('month')]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const res = useRequest(() => api.get<Scores>('/scores', { from, to }), `scores|${from}|${to}`);
  const [exporting, setExporting] = useState(false);
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download('/scores/export', { from, to }, `单位考核-${from}-${to}.xlsx`);
    } catch (e) {
      notifyError(e);
    } finally {
      setExporting(false);
    }
  };
  const columns: TableColumnsType<UnitScore> = [
    { title: t('scores.rank'), dataIndex: 'rank', width: 80, align: 'center' },
    { title: t('scores.unit'), dataIndex: 'unitName' },
    { title: t('scores.score'), dataIndex: 'score', width: 120, align: 'right', render: (v: number) => <strong>{v}</strong> },
  ];
  const itemCols: TableColumnsType<ScoreItem> = [
    { title: t('scores.item'), dataIndex: 'label', width: 160 },
    { title: t('scores.countCol'), dataIndex: 'count', width: 80, align: 'right' },
    { title: t('scores.points'), dataIndex: 'points', width: 90, align: 'right' },
    { title: t('scores.subtotal'), dataIndex: 'subtotal', width: 90, align: 'right' },
    { title: t('scores.text'), dataIndex: 'text' },
  ];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="scores-page">
      <Card
        title={t('scores.title')}
        extra={
          <Space wrap>
            <Typography.Text type="secondary">{t('scores.period')}</Typography.Text>
            <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} data-testid="scores-range" />
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="scores-export">
              {t('scores.export')}
            </Button>
          </Space>
        }
      >
        {res.error ? (
          <LoadError error={res.error} onRetry={res.reload} />
        ) : (
          <Table<UnitScore>
            rowKey="unitId"
            size="middle"
            loading={res.loading}
            columns={columns}
            dataSource={res.data?.items ?? []}
            pagination={false}
            data-testid="scores-table"
            expandable={{
              expandedRowRender: (r) => <Table<ScoreItem> size="small" rowKey="item" columns={itemCols} dataSource={r.breakdown} pagination={false} />,
            }}
          />
        )}
      </Card>
      <SchemeCard canEdit={can('tasks.manage')} />
    </Space>
  );
}
