// 新建项目 / 修改项目: the register fields and the planned date of each stage (the warnings' milestones). Editing sends
// the version the form started from; a save over somebody else's answers 409 and says so.
import { Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useRequest } from '../../api/hooks';
import { INVESTOR_FLAGS, PROJECT_SOURCES, STAGES, type ProjectBody, type ProjectCreated, type ProjectSettings, type Stage } from '../../api/projectTypes';
import { reportFormError, toast } from '../feedback';
import { UnitTreeSelect } from '../UnitTreeSelect';
import { leaderLabel, useLeaders, useUnits } from '../tasks/useTaskRefs';
import dayjs, { type Dayjs } from 'dayjs';
import type { ProjectPage } from '../../api/projectTypes';

type Values = Omit<ProjectBody, 'planned'> & { planned?: Partial<Record<Stage, Dayjs | null>> };

const FIELDS = ['name', 'investorName', 'investorUscc', 'investorFlags', 'source', 'fundName', 'industryCode', 'track', 'totalInvestment', 'fixedInvestment', 'yearPlanInvestment', 'landMu', 'placeUnitId', 'leaderId', 'leadUnitId', 'coopUnitIds', 'listYear'];

/** The form's values for an existing project. */
function initialOf(p: ProjectPage): Values {
  return {
    name: p.name,
    investorName: p.investorName,
    investorUscc: p.investorUscc,
    investorFlags: p.investorFlags,
    source: p.source,
    fundName: p.fundName,
    industryCode: p.industryCode,
    track: p.track,
    totalInvestment: p.totalInvestment,
    fixedInvestment: p.fixedInvestment,
    yearPlanInvestment: p.yearPlanInvestment,
    landMu: p.landMu,
    placeUnitId: p.placeUnitId,
    leaderId: p.leaderId,
    leadUnitId: p.leadUnitId,
    coopUnitIds: p.coopUnits.map((u) => u.id),
    listYear: p.listYear,
    planned: Object.fromEntries(p.stages.filter((s) => s.plannedOn).map((s) => [s.stage, dayjs(s.plannedOn)])),
  };
}

export function ProjectFormModal({ onClose, onDone, editing }: { onClose: () => void; onDone: (r: ProjectCreated) => void; editing?: ProjectPage }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const units = useUnits();
  const leaders = useLeaders();
  const settings = useRequest(() => api.get<ProjectSettings>('/projects/settings'), 'project-settings');
  const source = Form.useWatch('source', form);
  const places = (units.data ?? []).filter((u) => ['township', 'street', 'park'].includes(u.kind));

  const submit = async () => {
    const v = await form.validateFields();
    const planned: Partial<Record<Stage, string | null>> = {};
    for (const s of STAGES) if (v.planned?.[s]) planned[s] = v.planned[s]!.format('YYYY-MM-DD');
    const body: ProjectBody = { ...v, coopUnitIds: v.coopUnitIds ?? [], investorFlags: v.investorFlags ?? [], planned };
    setBusy(true);
    try {
      if (editing) {
        await api.put(`/projects/${editing.id}`, { ...body, version: editing.version });
        toast('success', t('project.form.saved'));
        onDone({ id: editing.id, number: editing.number });
      } else {
        const r = await api.post<ProjectCreated>('/projects', body);
        toast('success', t('project.form.created', { number: r.number }));
        onDone(r);
      }
    } catch (e) {
      reportFormError(form, e, FIELDS);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={editing ? t('project.form.editTitle') : t('project.form.title')} width={880} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'project-form-submit' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={editing ? initialOf(editing) : { listYear: new Date().getFullYear(), source: 'business', investorFlags: [], coopUnitIds: [] }} data-testid="project-form">
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="name" label={t('project.f.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} data-testid="pf-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="listYear" label={t('project.f.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="investorName" label={t('project.f.investor')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} data-testid="pf-investor" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="investorUscc" label={t('project.f.uscc')}>
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="investorFlags" label={t('project.f.flags')}>
              <Select mode="multiple" options={INVESTOR_FLAGS.map((f) => ({ value: f, label: t(`project.flag.${f}`) }))} data-testid="pf-flags" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="source" label={t('project.f.source')} rules={[{ required: true }]}>
              <Select options={PROJECT_SOURCES.map((s) => ({ value: s, label: t(`project.source.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="fundName" label={t('project.f.fund')} rules={[{ required: source === 'fund', whitespace: true }]}>
              <Input maxLength={100} disabled={source !== 'fund'} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="industryCode" label={t('project.f.industry')}>
              <Input maxLength={5} placeholder="C3912" data-testid="pf-industry" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="track" label={t('project.f.track')}>
              {settings.data?.tracks.length ? (
                <Select allowClear options={settings.data.tracks.map((x) => ({ value: x, label: x }))} data-testid="pf-track" />
              ) : (
                <Input maxLength={30} data-testid="pf-track" />
              )}
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="totalInvestment" label={t('project.f.total')} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid="pf-total" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="fixedInvestment" label={t('project.f.fixed')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="yearPlanInvestment" label={t('project.f.yearPlan')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="landMu" label={t('project.f.land')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="leadUnitId" label={t('project.f.leadUnit')} rules={[{ required: true }]}>
              <UnitTreeSelect units={units.data ?? []} loading={units.loading} data-testid="pf-lead-unit" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="coopUnitIds" label={t('project.f.coopUnits')}>
              <UnitTreeSelect units={units.data ?? []} loading={units.loading} multiple />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="leaderId" label={t('project.f.leader')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={leaders.loading} options={(leaders.data ?? []).map((l) => ({ value: l.personId, label: leaderLabel(l) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="placeUnitId" label={t('project.f.place')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={places.map((u) => ({ value: u.id, label: u.shortName ?? u.name }))} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary">{t('project.form.plannedHint')}</Typography.Text>
        <Row gutter={8} style={{ marginTop: 8 }}>
          {STAGES.filter((s) => s !== 'negotiating').map((s) => (
            <Col span={4} key={s}>
              <Form.Item name={['planned', s]} label={t(`project.stage.${s}`)}>
                <DatePicker style={{ width: '100%' }} data-testid={`pf-planned-${s}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
