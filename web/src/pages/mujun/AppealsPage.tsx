// 申诉: the appeals the user may see, by status; evaluators accept (reason, optional corrected value → a new run
// version) or reject (reason). Evidence downloads; an accepted appeal links to the run it produced.
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, CloseOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, download } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { Appeal, AppealStatus, RunSummary } from '../../api/mujunTypes';
import { useAuth } from '../../auth/AuthContext';
import { notifyError, toast } from '../../components/feedback';
import { formatTime } from '../../components/format';
import { LoadError } from '../../components/Results';
import { fieldLabel, useMujunMeta } from '../../components/mujun/results/useMujun';

const STATUSES: AppealStatus[] = ['pending', 'accepted', 'rejected'];
const STATUS_COLOR: Record<AppealStatus, string> = { pending: 'gold', accepted: 'green', rejected: 'default' };

function DecideModal({
  appeal,
  mode,
  onClose,
  onDone,
}: {
  appeal: Appeal;
  mode: 'accept' | 'reject';
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const meta = useMujunMeta();
  const [form] = Form.useForm<{ reason: string; value?: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      if (mode === 'reject') {
        await api.post(`/mujun/appeals/${appeal.id}/reject`, { reason: v.reason.trim() });
        toast('success', t('mujun.appeals.rejected'));
      } else {
        const raw = v.value?.trim();
        const value = raw === undefined || raw === '' ? undefined : Number.isFinite(Number(raw)) ? Number(raw) : raw;
        const body = {
          reason: v.reason.trim(),
          ...(appeal.field && value !== undefined ? { corrections: [{ field: appeal.field, value }] } : {}),
        };
        const out = await api.post<{ appeal: Appeal; newRun: RunSummary | null }>(`/mujun/appeals/${appeal.id}/accept`, body);
        toast('success', out.newRun ? t('mujun.appeals.accepted', { v: out.newRun.version }) : t('mujun.appeals.rejected'));
      }
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={mode === 'accept' ? t('mujun.appeals.acceptTitle') : t('mujun.appeals.rejectTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={mode === 'accept' ? t('mujun.appeals.accept') : t('mujun.appeals.reject')}
      okButtonProps={{ danger: mode === 'reject', 'data-testid': 'mujun-decide-ok' }}
    >
      <Typography.Paragraph>
        <strong>{appeal.name}</strong>
        {appeal.field && (
          <>
            {' · '}
            {fieldLabel(meta.data, appeal.field)}
            {appeal.claimedValue !== null && <> → {appeal.claimedValue}</>}
          </>
        )}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ value: appeal.claimedValue ?? undefined }}>
        {mode === 'accept' && appeal.field && (
          <Form.Item name="value" label={t('mujun.appeals.correctedValue')} extra={t('mujun.appeals.correctedHint')}>
            <Input maxLength={60} data-testid="mujun-decide-value" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('mujun.appeals.decisionReason')}
          rules={[{ required: true, whitespace: true, message: t('mujun.appeal.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="mujun-decide-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function AppealsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const meta = useMujunMeta();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const runId = params.get('runId') ?? undefined;
  const list = useRequest(() => api.get<Appeal[]>('/mujun/appeals', { status, runId }), `mujun-appeals|${status}|${runId}`);
  const [deciding, setDeciding] = useState<{ appeal: Appeal; mode: 'accept' | 'reject' } | null>(null);

  const evidence = async (a: Appeal) => {
    try {
      await download(`/mujun/appeals/${a.id}/evidence`, undefined, a.evidenceName ?? 'evidence');
    } catch (e) {
      notifyError(e);
    }
  };

  const columns: TableColumnsType<Appeal> = [
    {
      title: t('mujun.appeals.enterprise'),
      dataIndex: 'name',
      width: 220,
      render: (v: string, a) => (
        <>
          <Link to={`/mujun/runs/${a.runId}/enterprises/${a.uscc}`}>{v}</Link>
          <div style={{ fontSize: 12, color: '#8c8c8c' }}>{a.uscc}</div>
        </>
      ),
    },
    { title: t('mujun.appeals.year'), dataIndex: 'year', width: 70 },
    {
      title: t('mujun.appeals.content'),
      key: 'content',
      render: (_: unknown, a) => (
        <>
          <Tag>{t(`mujun.appeals.kind.${a.kind}`)}</Tag>
          {a.kind === 'value' && a.field && (
            <Typography.Text strong>
              {fieldLabel(meta.data, a.field)} → {a.claimedValue ?? '—'}
            </Typography.Text>
          )}
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: a.reason }} style={{ margin: '4px 0 0' }}>
            {a.reason}
          </Typography.Paragraph>
        </>
      ),
    },
    {
      title: t('mujun.appeals.evidence'),
      dataIndex: 'evidenceName',
      width: 150,
      render: (v: string | null, a) =>
        v ? (
          <Button
            type="link"
            size="small"
            icon={<PaperClipOutlined />}
            onClick={() => void evidence(a)}
            style={{ padding: 0, maxWidth: 140 }}
          >
            <Typography.Text ellipsis style={{ maxWidth: 120, color: 'inherit' }}>
              {v}
            </Typography.Text>
          </Button>
        ) : (
          '—'
        ),
    },
    {
      title: t('mujun.appeals.filedBy'),
      key: 'filed',
      width: 150,
      render: (_: unknown, a) => (
        <>
          {a.filedByName}
          <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatTime(a.filedAt)}</div>
        </>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: AppealStatus) => <Tag color={STATUS_COLOR[v]}>{t(`mujun.appeals.status.${v}`)}</Tag>,
    },
    {
      title: t('mujun.appeals.decision'),
      key: 'decision',
      width: 220,
      render: (_: unknown, a) =>
        a.status === 'pending' ? (
          can('mujun.manage') ? (
            <Space>
              <Button
                size="small"
                type="primary"
                icon={<CheckOutlined />}
                onClick={() => setDeciding({ appeal: a, mode: 'accept' })}
                data-testid={`mujun-accept-${a.id}`}
              >
                {t('mujun.appeals.accept')}
              </Button>
              <Button
                size="small"
                danger
                icon={<CloseOutlined />}
                onClick={() => setDeciding({ appeal: a, mode: 'reject' })}
                data-testid={`mujun-reject-${a.id}`}
              >
                {t('mujun.appeals.reject')}
              </Button>
            </Space>
          ) : (
            '—'
          )
        ) : (
          <>
            <div>{a.decisionReason}</div>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>
              {a.decidedByName} {formatTime(a.decidedAt)}
            </div>
            {a.newRunId && (
              <Link to={`/mujun/runs/${a.newRunId}/enterprises/${a.uscc}`} data-testid={`mujun-newrun-${a.id}`}>
                {t('mujun.appeals.newRun')}
              </Link>
            )}
          </>
        ),
    },
  ];

  return (
    <div data-testid="mujun-appeals-page">
      <div className="ls-page-head">
        <h2 className="ls-page-title">{t('mujun.appeals.title')}</h2>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('common.status')}
          value={status}
          options={STATUSES.map((s) => ({ value: s, label: t(`mujun.appeals.status.${s}`) }))}
          onChange={(v?: string) => {
            const next = new URLSearchParams(params);
            if (v) next.set('status', v);
            else next.delete('status');
            setParams(next);
          }}
          data-testid="mujun-appeals-status"
        />
      </div>
      <Card>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<Appeal>
            rowKey="id"
            size="small"
            loading={list.loading}
            dataSource={list.data ?? []}
            columns={columns}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('mujun.appeals.empty') }}
            pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
            data-testid="mujun-appeals-table"
          />
        )}
      </Card>
      {deciding && (
        <DecideModal
          appeal={deciding.appeal}
          mode={deciding.mode}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            list.reload();
          }}
        />
      )}
    </div>
  );
}
