// 对标验收 appeals on a project page: file one against an indicator of the latest acceptance (lead unit, investor),
// and, for the register's keepers, accept (judged again with the claimed value) or reject it with a reason.
import { Button, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, postForm } from '../../api/client';
import type { AcceptanceResult, ProjectPage } from '../../api/projectTypes';
import { notifyError, toast } from '../feedback';
import { formatTime } from '../format';

export function AppealModal({ page, onClose, onDone }: { page: ProjectPage; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ indicatorId: string; claimedValue: number; reason: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = page.acceptances[0]!;
  const open = (latest.result as AcceptanceResult).indicators.filter((i) => i.verdict !== 'pass');
  const submit = async () => {
    const v = await form.validateFields();
    const body = new FormData();
    body.append('acceptanceId', latest.id);
    body.append('indicatorId', v.indicatorId);
    body.append('claimedValue', String(v.claimedValue));
    body.append('reason', v.reason);
    if (file) body.append('evidence', file, file.name);
    setBusy(true);
    try {
      await postForm(`/projects/${page.id}/appeals`, body);
      toast('success', t('project.appeal.filed'));
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('project.appeal.title')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('project.appeal.submit')} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="appeal-form">
        <Form.Item name="indicatorId" label={t('project.appeal.indicator')} rules={[{ required: true, message: t('project.appeal.indicatorRequired') }]}>
          <Select options={open.map((i) => ({ value: i.indicatorId, label: `${i.name}（${t('project.detail.actual')} ${i.actual ?? '—'}）` }))} data-testid="appeal-indicator" />
        </Form.Item>
        <Form.Item name="claimedValue" label={t('project.appeal.claimed')} rules={[{ required: true, message: t('project.appeal.claimedRequired') }]}>
          <InputNumber style={{ width: '100%' }} data-testid="appeal-claimed" />
        </Form.Item>
        <Form.Item name="reason" label={t('project.appeal.reason')} rules={[{ required: true, whitespace: true, message: t('project.appeal.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="appeal-reason" />
        </Form.Item>
        <Upload beforeUpload={(f) => (setFile(f), false)} maxCount={1} onRemove={() => setFile(null)}>
          <Button icon={<UploadOutlined />}>{t('project.appeal.evidence')}</Button>
        </Upload>
      </Form>
    </Modal>
  );
}

export function AppealList({ page, onChanged }: { page: ProjectPage; onChanged: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  if (!page.appeals.length) return null;
  const decide = async (id: string, how: 'accept' | 'reject') => {
    setBusy(id);
    try {
      await api.post(`/projects/${page.id}/appeals/${id}/${how}`, { reason: reason[id] ?? '' });
      toast('success', t(`project.appeal.${how}ed`));
      onChanged();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };
  const name = (id: string) =>
    page.acceptances.flatMap((a) => (a.result as AcceptanceResult).indicators).find((i) => i.indicatorId === id)?.name ?? id;
  return (
    <div data-testid="project-appeals" style={{ marginTop: 8 }}>
      <Typography.Text strong>{t('project.appeal.list')}</Typography.Text>
      {page.appeals.map((a) => (
        <div key={a.id} className="ls-file-row" data-testid="project-appeal" data-status={a.status} style={{ marginTop: 6 }}>
          <Space wrap size={6}>
            <Tag color={a.status === 'pending' ? 'gold' : a.status === 'accepted' ? 'green' : 'default'}>{t(`project.appeal.status.${a.status}`)}</Tag>
            <span>{name(a.indicatorId)} → {a.claimedValue}</span>
            <Typography.Text type="secondary">{a.reason}</Typography.Text>
            {a.evidenceName && <a href={`/api/projects/${page.id}/appeals/${a.id}/evidence`}>{a.evidenceName}</a>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.filedByName} · {formatTime(a.filedAt)}</Typography.Text>
            {a.decisionReason && <Typography.Text type="secondary">{t('project.appeal.decision')}：{a.decisionReason}</Typography.Text>}
          </Space>
          {a.status === 'pending' && page.can.manage && (
            <Space style={{ marginTop: 4 }}>
              <Input size="small" placeholder={t('project.appeal.decisionPlaceholder')} value={reason[a.id] ?? ''} onChange={(e) => setReason({ ...reason, [a.id]: e.target.value })} style={{ width: 240 }} data-testid="appeal-decision" />
              <Button size="small" type="primary" loading={busy === a.id} onClick={() => void decide(a.id, 'accept')} data-testid="appeal-accept">{t('project.appeal.accept')}</Button>
              <Button size="small" danger loading={busy === a.id} onClick={() => void decide(a.id, 'reject')}>{t('project.appeal.reject')}</Button>
            </Space>
          )}
        </div>
      ))}
    </div>
  );
}
