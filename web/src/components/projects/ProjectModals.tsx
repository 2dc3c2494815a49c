// The project page's actions: a stage move (推进 / 退回 / 终止), the monthly report, the acceptance check.
import { DatePicker, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useRequest } from '../../api/hooks';
import { STAGES, type Accepted, type MoveBody, type ProjectPage, type ProjectSettings, type ReportBody, type ProjectState } from '../../api/projectTypes';
import { reportFormError, toast } from '../feedback';

export type MoveKind = 'next' | 'back' | 'terminate';

export function MoveModal({ page, kind, onClose, onDone }: { page: ProjectPage; kind: MoveKind; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ on: Dayjs; to?: ProjectState; reason?: string; evidence?: string; overrides?: Record<string, { value?: number; reason?: string }> }>();
  const [busy, setBusy] = useState(false);
  const settings = useRequest(() => api.get<ProjectSettings>('/projects/settings'), 'project-settings', kind === 'next' && page.can.next === 'land');
  const current = page.state === 'terminated' ? STAGES.indexOf(page.reached) + 1 : STAGES.indexOf(page.state);
  const backTargets = STAGES.slice(0, Math.max(0, current)).filter((_, i) => page.state !== 'terminated' || i <= STAGES.indexOf(page.reached));
  const title = kind === 'next' ? t('project.detail.advance', { stage: t(`project.stage.${page.can.next}`) }) : kind === 'back' ? t('project.detail.goBack') : t('project.detail.terminate');

  const submit = async () => {
    const v = await form.validateFields();
    const to: ProjectState = kind === 'next' ? page.can.next! : kind === 'terminate' ? 'terminated' : v.to!;
    const overrides = Object.entries(v.overrides ?? {})
      .filter(([, o]) => o?.value !== undefined && o.value !== null)
      .map(([indicatorId, o]) => ({ indicatorId, value: o.value!, reason: o.reason ?? '' }));
    const body: MoveBody = { to, on: v.on.format('YYYY-MM-DD'), reason: v.reason ?? null, evidence: v.evidence ?? null, overrides, version: page.version };
    setBusy(true);
    try {
      await api.post(`/projects/${page.id}/stage`, body);
      toast('success', t('project.detail.moved'));
      onDone();
    } catch (e) {
      reportFormError(form, e, ['on', 'reason', 'evidence']);
    } finally {
      setBusy(false);
    }
  };
  const ind = settings.data?.controlTable.indicators ?? [];
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} width={kind === 'next' && ind.length ? 720 : 520} okButtonProps={{ 'data-testid': 'move-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ on: dayjs() }} data-testid="move-form">
        <Form.Item name="on" label={t('project.detail.on')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {kind === 'back' && (
          <Form.Item name="to" label={t('project.detail.to')} rules={[{ required: true }]}>
            <Select options={backTargets.map((s) => ({ value: s, label: t(`project.stage.${s}`) }))} />
          </Form.Item>
        )}
        {kind === 'next' ? (
          <Form.Item name="evidence" label={t('project.detail.evidence')}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="move-evidence" />
          </Form.Item>
        ) : (
          <Form.Item name="reason" label={t('project.detail.reason')} rules={[{ required: true, whitespace: true, message: t('project.detail.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="move-reason" />
          </Form.Item>
        )}
        {kind === 'next' && page.can.next === 'land' && ind.length > 0 && (
          <>
            <Typography.Text type="secondary">{t('project.detail.overrides')}</Typography.Text>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={ind}
              columns={[
                { title: t('project.detail.indicator'), dataIndex: 'name', render: (v: string, r) => `${v}${r.unit ? `（${r.unit}）` : ''}` },
                { title: t('project.detail.committed'), key: 'v', width: 130, render: (_, r) => <Form.Item name={['overrides', r.id, 'value']} noStyle><InputNumber style={{ width: '100%' }} /></Form.Item> },
                { title: t('project.detail.overrideReason'), key: 'r', render: (_, r) => <Form.Item name={['overrides', r.id, 'reason']} noStyle><Input maxLength={500} /></Form.Item> },
              ]}
            />
          </>
        )}
      </Form>
    </Modal>
  );
}

export function ReportForm({ page, onClose, onDone }: { page: ProjectPage; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ month: Dayjs; investmentMonth: number; progress: string; problems?: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    const body: ReportBody = { month: v.month.format('YYYY-MM'), investmentMonth: v.investmentMonth, progress: v.progress, problems: v.problems ?? '' };
    setBusy(true);
    try {
      await api.post(`/projects/${page.id}/reports`, body);
      toast('success', t('project.detail.reportSaved'));
      onDone();
    } catch (e) {
      reportFormError(form, e, ['month', 'investmentMonth', 'progress', 'problems']);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('project.detail.report')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'preport-submit' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ month: dayjs().subtract(1, 'month') }} data-testid="preport-form">
        <Form.Item name="month" label={t('project.detail.month')} rules={[{ required: true }]}>
          <DatePicker picker="month" disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
        </Form.Item>
        <Form.Item name="investmentMonth" label={t('project.detail.investMonth')} rules={[{ required: true }]}>
          <InputNumber min={0} style={{ width: 200 }} data-testid="preport-investment" />
        </Form.Item>
        <Form.Item name="progress" label={t('project.detail.progress')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="preport-progress" />
        </Form.Item>
        <Form.Item name="problems" label={t('project.detail.problems')}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="preport-problems" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AcceptModal({ page, onClose, onDone }: { page: ProjectPage; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ year: number; entered?: Record<string, number | null> }>();
  const [busy, setBusy] = useState(false);
  const settings = useRequest(() => api.get<ProjectSettings>('/projects/settings'), 'project-settings');
  const noFormula = new Set((settings.data?.controlTable.indicators ?? []).filter((i) => !i.formula).map((i) => i.id));
  const manual = (page.commitments ?? []).filter((c) => noFormula.has(c.indicatorId));
  const submit = async () => {
    const v = await form.validateFields();
    const entered: Record<string, number> = {};
    for (const [k, x] of Object.entries(v.entered ?? {})) if (typeof x === 'number') entered[k] = x;
    setBusy(true);
    try {
      const r = await api.post<Accepted>(`/projects/${page.id}/acceptance`, { year: v.year, entered });
      toast('success', t('project.detail.accepted', { verdict: t(`project.verdict.${r.verdict}`) }));
      onDone();
    } catch (e) {
      reportFormError(form, e, ['year']);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('project.detail.accept')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'accept-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() - 1 }}>
        <Form.Item name="year" label={t('project.detail.acceptYear')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={new Date().getFullYear()} />
        </Form.Item>
        {manual.length > 0 && <Typography.Text type="secondary">{t('project.detail.entered')}</Typography.Text>}
        {manual.map((c) => (
          <Form.Item key={c.indicatorId} name={['entered', c.indicatorId]} label={`${c.name}（${t('project.detail.committed')} ${c.value}${c.unit}）`}>
            <InputNumber style={{ width: 200 }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
