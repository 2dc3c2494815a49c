import { Button, Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { FormInstance } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../../api/taskTypes';
import { UnitTreeSelect } from '../UnitTreeSelect';
import { SourceCreateModal } from './SourceCreateModal';
import { DEFAULT_CYCLE_DAY, type TaskFormValues } from './taskFormValues';
import { leaderLabel, useLeaders, useSources, useUnits } from './useTaskRefs';
import { useTaskLabels } from './useTaskLabels';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Title, source, responsibilities, deadline and reporting cycle of the task form. */
export function TaskFormFields({ form }: { form: FormInstance<TaskFormValues> }) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const units = useUnits();
  const leaders = useLeaders();
  const sources = useSources();
  const [creatingSource, setCreatingSource] = useState(false);
  const kind = Form.useWatch('sourceKind', form);
  const cycle = Form.useWatch('cycle', form) as Cycle | undefined;
  const leadUnitId = Form.useWatch('leadUnitId', form);
  const coopChoices = useMemo(() => (units.data ?? []).filter((u) => u.id !== leadUnitId), [units.data, leadUnitId]);
  const req = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  const sel = (field: string) => [{ required: true, message: t('common.requiredSelect', { field }) }];

  const sourceOptions = (sources.data ?? []).filter((s) => s.kind === kind).map((s) => ({ value: s.id, label: s.title }));
  const fallback = cycle ? DEFAULT_CYCLE_DAY[cycle] : null;
  const fallbackText = fallback && t('taskForm.dayDefault', { day: cycle === 'weekly' ? t('task.weekday', { day: labels.weekday(fallback) }) : t('task.monthDay', { day: fallback }) });
  const dayField =
    cycle === 'weekly' ? (
      <Select allowClear placeholder={fallbackText} options={WEEKDAYS.map((d) => ({ value: d, label: t('task.weekday', { day: labels.weekday(d) }) }))} />
    ) : (
      <InputNumber min={1} max={31} precision={0} placeholder={fallbackText || undefined} style={{ width: '100%' }} />
    );
  const dayLabel = cycle === 'weekly' ? t('taskForm.weekday') : cycle === 'quarterly' ? t('taskForm.quarterDay') : t('taskForm.monthDay');

  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('taskForm.basic')}
      </Divider>
      <Form.Item name="title" label={t('task.title')} rules={[...req(t('task.title')), { max: 300, message: t('common.tooLong', { field: t('task.title'), max: 300 }) }]}>
        <Input maxLength={300} showCount data-testid="task-form-title" />
      </Form.Item>
      <Form.Item name="requirement" label={t('task.requirement')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} data-testid="task-form-requirement" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name="sourceKind" label={t('task.sourceKind')} rules={sel(t('task.sourceKind'))}>
            <Select options={labels.sourceKindOptions} onChange={() => form.setFieldValue('sourceId', null)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('task.source')}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="sourceId" noStyle>
                <Select allowClear loading={sources.loading} options={sourceOptions} placeholder={t('taskForm.sourceNone')} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
              <Button icon={<PlusOutlined />} onClick={() => setCreatingSource(true)}>
                {t('taskForm.newSource')}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="category" label={t('task.category')}>
            <Input maxLength={50} placeholder={t('taskForm.categoryPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        {t('taskForm.duty')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="leadLeaderId" label={t('task.leader')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={leaders.loading}
              placeholder={t('taskForm.leaderPlaceholder')}
              options={(leaders.data ?? []).map((l) => ({ value: l.personId, label: leaderLabel(l) }))}
              data-testid="task-form-leader"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="leadUnitId" label={t('task.leadUnit')} rules={sel(t('task.leadUnit'))}>
            <UnitTreeSelect units={units.data ?? []} loading={units.loading} data-testid="task-form-lead-unit" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="coopUnitIds" label={t('task.coopUnits')} tooltip={t('taskForm.coopHelp')}>
            <UnitTreeSelect multiple units={coopChoices} loading={units.loading} data-testid="task-form-coop-units" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        {t('taskForm.schedule')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name="deadline" label={t('task.deadline')} rules={sel(t('task.deadline'))}>
            <DatePicker style={{ width: '100%' }} data-testid="task-form-deadline" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="priority" label={t('task.priority')}>
            <Radio.Group optionType="button" options={labels.priorityOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="cycle" label={t('task.cycle')}>
            <Select options={labels.cycleOptions} onChange={(c: Cycle) => form.setFieldValue('cycleDay', DEFAULT_CYCLE_DAY[c])} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          {cycle === 'once' ? (
            <Form.Item label={t('taskForm.cycleDay')} help={t('taskForm.cycleOnceHelp')}>
              <Input disabled />
            </Form.Item>
          ) : (
            <Form.Item name="cycleDay" label={dayLabel}>
              {dayField}
            </Form.Item>
          )}
        </Col>
      </Row>
      <SourceCreateModal
        open={creatingSource}
        kind={kind}
        onClose={() => setCreatingSource(false)}
        onCreated={(s) => {
          setCreatingSource(false);
          sources.reload();
          form.setFieldsValue({ sourceKind: s.kind, sourceId: s.id });
        }}
      />
    </>
  );
}
