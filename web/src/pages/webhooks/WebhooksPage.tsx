// 群机器人: DingTalk / WeCom robots per unit (督查室: all; a unit head: own unit), test sends, failed deliveries for 督查室.
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, TimePicker, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useRequest, useUnits } from '../../api/hooks';
import type { Delivery, Robot, RobotKind } from '../../api/dashboardTypes';
import type { Paged } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { errorText, notifyError, toast } from '../../components/feedback';
import { formatTime } from '../../components/format';
import { LoadError } from '../../components/Results';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

interface FormValues {
  unitId?: string;
  kind: RobotKind;
  url: string;
  secret?: string;
  quietStart?: Dayjs | null;
  quietEnd?: Dayjs | null;
}

function RobotModal({ robot, open, onClose, onSaved }: { robot: Robot | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const all = can('tasks.manage');
  const units = useUnits(all && open);
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const save = async () => {
    const v = await form.validateFields();
    const hm = (d?: Dayjs | null) => (d ? d.format('HH:mm') : null);
    setSaving(true);
    setError(null);
    try {
      const common = { url: v.url, quietStart: hm(v.quietStart), quietEnd: hm(v.quietEnd), ...(v.secret ? { secret: v.secret } : {}) };
      if (robot) await api.patch(`/webhooks/${robot.id}`, { ...common, url: v.url === robot.url ? undefined : v.url });
      else await api.post('/webhooks', { ...common, unitId: all ? v.unitId : me?.unitId, kind: v.kind });
      toast('success', t('webhooks.saved'));
      onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  const t0 = (s: string | null) => (s ? dayjs(s, 'HH:mm') : null);
  return (
    <Modal
      open={open}
      title={robot ? t('webhooks.edit') : t('webhooks.add')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={saving}
      destroyOnHidden
      afterOpenChange={(o) => {
        if (o) {
          setError(null);
          form.setFieldsValue(
            robot
              ? { unitId: robot.unitId, kind: robot.kind, url: robot.url, secret: '', quietStart: t0(robot.quietStart), quietEnd: t0(robot.quietEnd) }
              : { unitId: undefined, kind: 'dingtalk', url: '', secret: '', quietStart: null, quietEnd: null },
          );
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'dingtalk' }}>
        {all && !robot && (
          <Form.Item name="unitId" label={t('webhooks.unit')} rules={[{ required: true }]}>
            <UnitTreeSelect units={units.data ?? []} loading={units.loading} data-testid="webhook-unit" />
          </Form.Item>
        )}
        {robot && <Typography.Paragraph>{t('webhooks.unit')}：{robot.unitName}</Typography.Paragraph>}
        <Form.Item name="kind" label={t('webhooks.kind')}>
          <Select
            disabled={!!robot}
            options={[
              { value: 'dingtalk', label: t('webhooks.dingtalk') },
              { value: 'wecom', label: t('webhooks.wecom') },
            ]}
            data-testid="webhook-kind"
          />
        </Form.Item>
        <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true }]}>
          <Input placeholder={kind === 'wecom' ? 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' : 'https://oapi.dingtalk.com/robot/send?access_token=…'} data-testid="webhook-url" />
        </Form.Item>
        {kind === 'dingtalk' && (
          <Form.Item name="secret" label={t('webhooks.secret')} extra={robot?.hasSecret ? `${robot.secret ?? ''} · ${t('webhooks.secretKeep')}` : undefined}>
            <Input.Password autoComplete="new-password" data-testid="webhook-secret" />
          </Form.Item>
        )}
        <Space>
          <Form.Item name="quietStart" label={t('webhooks.quietStart')}>
            <TimePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
          <Form.Item name="quietEnd" label={t('webhooks.quietEnd')}>
            <TimePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
        </Space>
      </Form>
      {error && (
        <Typography.Text type="danger" data-testid="webhook-error">
          {error}
        </Typography.Text>
      )}
    </Modal>
  );
}

function Robots() {
  const { t } = useTranslation();
  const res = useRequest(() => api.get<Paged<Robot>>('/webhooks'), 'webhooks');
  const [editing, setEditing] = useState<Robot | null | undefined>(undefined);
  const [testing, setTesting] = useState<string | null>(null);
  const test = async (r: Robot) => {
    setTesting(r.id);
    try {
      const out = await api.post<{ ok: boolean; error?: string }>(`/webhooks/${r.id}/test`);
      if (out.ok) toast('success', t('webhooks.testOk'));
      else toast('error', t('webhooks.testFailed', { error: out.error ?? '' }));
    } catch (e) {
      notifyError(e);
    } finally {
      setTesting(null);
    }
  };
  const deactivate = async (r: Robot) => {
    try {
      await api.post(`/webhooks/${r.id}/deactivate`);
      res.reload();
    } catch (e) {
      notifyError(e);
    }
  };
  const columns: TableColumnsType<Robot> = [
    { title: t('webhooks.unit'), dataIndex: 'unitName', width: 160 },
    { title: t('webhooks.kind'), dataIndex: 'kind', width: 100, render: (k: RobotKind) => <Tag color={k === 'dingtalk' ? 'blue' : 'green'}>{t(`webhooks.${k}`)}</Tag> },
    { title: t('webhooks.url'), dataIndex: 'url', ellipsis: true, render: (v: string) => <Typography.Text code style={{ fontSize: 12 }}>{v}</Typography.Text> },
    { title: t('webhooks.quiet'), key: 'quiet', width: 120, render: (_, r) => (r.quietStart ? `${r.quietStart}–${r.quietEnd}` : '—') },
    { title: t('webhooks.active'), dataIndex: 'active', width: 80, render: (a: boolean) => <Tag color={a ? 'success' : 'default'}>{a ? t('webhooks.on') : t('webhooks.off')}</Tag> },
    {
      title: t('common.actions', { defaultValue: '' }),
      key: 'ops',
      width: 220,
      render: (_, r) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setEditing(r)}>{t('common.edit')}</Button>
          <Button size="small" type="link" loading={testing === r.id} disabled={!r.active} onClick={() => void test(r)} data-testid={`webhook-test-${r.id}`}>
            {t('webhooks.test')}
          </Button>
          {r.active && (
            <Popconfirm title={t('webhooks.deactivateConfirm')} onConfirm={() => void deactivate(r)}>
              <Button size="small" type="link" danger>{t('webhooks.deactivate')}</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="webhook-add">
          {t('webhooks.add')}
        </Button>
      </div>
      <Table<Robot> rowKey="id" size="middle" loading={res.loading} columns={columns} dataSource={res.data?.items ?? []} pagination={false} data-testid="webhooks-table" />
      <RobotModal
        robot={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          res.reload();
        }}
      />
    </>
  );
}

function Failed() {
  const { t } = useTranslation();
  const res = useRequest(() => api.get<Paged<Delivery>>('/webhooks/deliveries', { status: 'failed', pageSize: 100 }), 'deliveries-failed');
  const columns: TableColumnsType<Delivery> = [
    { title: t('webhooks.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatTime(v) },
    { title: t('webhooks.unit'), dataIndex: 'unitName', width: 150 },
    { title: t('webhooks.kind'), dataIndex: 'kind', width: 90, render: (k: RobotKind) => t(`webhooks.${k}`) },
    { title: t('webhooks.task'), dataIndex: 'dedupeKey', ellipsis: true },
    { title: t('webhooks.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
    { title: t('webhooks.lastError'), dataIndex: 'lastError', ellipsis: true },
  ];
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  return <Table<Delivery> rowKey="id" size="small" loading={res.loading} columns={columns} dataSource={res.data?.items ?? []} pagination={{ pageSize: 20 }} data-testid="deliveries-table" />;
}

export default function WebhooksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <Card title={t('webhooks.title')} data-testid="webhooks-page">
      <Tabs
        items={[
          { key: 'robots', label: t('webhooks.robots'), children: <Robots /> },
          ...(can('tasks.manage') ? [{ key: 'failed', label: t('webhooks.failed'), children: <Failed /> }] : []),
        ]}
      />
    </Card>
  );
}
