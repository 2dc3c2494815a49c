// 项目设置 (督查室 edits, everyone with projects.read reads): the office units that keep the register (the investment
// bureau), the monthly report's due day, the industry tracks, the named targets and the 标准地 control-indicator table.
// The server checks everything again (formulas with the 亩均 expression engine) and answers 422 naming the field.
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useRequest } from '../../api/hooks';
import { useAuth } from '../../auth/AuthContext';
import { INVESTOR_FLAGS, PROJECT_SOURCES, STAGES, type ProjectSettings } from '../../api/projectTypes';
import { notifyError, toast } from '../../components/feedback';
import { LoadError } from '../../components/Results';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useUnits } from '../../components/tasks/useTaskRefs';

export default function ProjectSettingsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const canEdit = !!me?.roles.includes('supervisor');
  const settings = useRequest(() => api.get<ProjectSettings>('/projects/settings'), 'project-settings');
  const units = useUnits();
  const [form] = Form.useForm<ProjectSettings>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const indicators = Form.useWatch(['controlTable', 'indicators'], form) ?? settings.data?.controlTable.indicators ?? [];
  if (settings.error) return <LoadError error={settings.error} onRetry={settings.reload} />;
  if (!settings.data) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;

  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.put('/projects/settings', v);
      toast('success', t('project.settings.saved'));
      settings.reload();
    } catch (e) {
      // the server names nested fields (controlTable.indicators.1.formula): show each on its input, and all in a toast
      if (e instanceof ApiError && e.code === 'VALIDATION' && Array.isArray(e.details)) {
        const details = e.details as { field?: string; message: string }[];
        form.setFields(details.filter((d) => d.field).map((d) => ({ name: d.field!.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)), errors: [d.message] })) as never);
        toast('error', details.map((d) => d.message).join('；'));
      } else notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="ls-page-head">
        <h2 className="ls-page-title">{t('project.settings.title')}</h2>
        {canEdit && <Button type="primary" loading={busy} onClick={() => void save()} data-testid="project-settings-save">{t('project.settings.save')}</Button>}
      </div>
      {settings.data.controlTable.illustrative && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('project.settings.illustrative')} />}
      <Form form={form} layout="vertical" disabled={!canEdit} data-testid="project-settings-form">
        <Card size="small" title={t('project.settings.general')}>
          <Space wrap align="start" size={24}>
            <Form.Item name="officeUnitIds" label={t('project.settings.officeUnits')} style={{ minWidth: 320 }}>
              <UnitTreeSelect units={units.data ?? []} loading={units.loading} multiple style={{ width: 320 }} />
            </Form.Item>
            <Form.Item name="reportDueDay" label={t('project.settings.reportDueDay')} rules={[{ required: true }]}>
              <InputNumber min={1} max={28} />
            </Form.Item>
            <Form.Item name="tracks" label={t('project.settings.tracks')} style={{ minWidth: 360 }}>
              <Select mode="tags" style={{ width: 360 }} tokenSeparators={[',', '，', '、']} />
            </Form.Item>
          </Space>
        </Card>
        <Card size="small" title={t('project.settings.targets')} style={{ marginTop: 16 }}>
          <Form.List name="targets">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start">
                    <Form.Item name={[f.name, 'id']} rules={[{ required: true }]}><Input placeholder="id" style={{ width: 120 }} /></Form.Item>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}><Input placeholder={t('project.settings.targetName')} style={{ width: 200 }} /></Form.Item>
                    <Form.Item name={[f.name, 'flags']}><Select mode="multiple" placeholder={t('project.f.flags')} style={{ width: 200 }} options={INVESTOR_FLAGS.map((x) => ({ value: x, label: t(`project.flag.${x}`) }))} /></Form.Item>
                    <Form.Item name={[f.name, 'sources']}><Select mode="multiple" placeholder={t('project.f.source')} style={{ width: 160 }} options={PROJECT_SOURCES.map((x) => ({ value: x, label: t(`project.source.${x}`) }))} /></Form.Item>
                    <Form.Item name={[f.name, 'stage']}><Select style={{ width: 100 }} options={STAGES.map((x) => ({ value: x, label: t(`project.stage.${x}`) }))} /></Form.Item>
                    <Form.Item name={[f.name, 'target']} rules={[{ required: true }]}><InputNumber min={1} placeholder="≥" /></Form.Item>
                    {canEdit && <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                {canEdit && <Button icon={<PlusOutlined />} onClick={() => add({ id: '', name: '', flags: [], sources: [], stage: 'signed', target: 1 })}>{t('project.settings.addTarget')}</Button>}
              </>
            )}
          </Form.List>
        </Card>
        <Card size="small" title={t('project.settings.controlTable')} style={{ marginTop: 16 }} data-testid="control-table">
          <Space wrap align="start" size={24}>
            <Form.Item name={['controlTable', 'source']} label={t('project.settings.source')} rules={[{ required: true }]} style={{ minWidth: 480 }}>
              <Input style={{ width: 480 }} />
            </Form.Item>
            <Form.Item name={['controlTable', 'illustrative']} label={t('project.settings.illustrativeFlag')} valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name={['controlTable', 'acceptanceYears']} label={t('project.settings.acceptanceYears')}><InputNumber min={1} max={10} /></Form.Item>
            <Form.Item name={['controlTable', 'rectifyMonths']} label={t('project.settings.rectifyMonths')}><InputNumber min={1} max={36} /></Form.Item>
            <Form.Item name={['controlTable', 'penaltyFormula']} label={t('project.settings.penaltyFormula')} style={{ minWidth: 360 }}><Input style={{ width: 360 }} /></Form.Item>
          </Space>
          <Typography.Title level={5}>{t('project.settings.indicators')}</Typography.Title>
          <Form.List name={['controlTable', 'indicators']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start">
                    <Form.Item name={[f.name, 'id']} rules={[{ required: true }]}><Input placeholder="id" style={{ width: 170 }} /></Form.Item>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}><Input placeholder={t('project.detail.indicator')} style={{ width: 170 }} /></Form.Item>
                    <Form.Item name={[f.name, 'unit']}><Input placeholder={t('project.settings.unit')} style={{ width: 110 }} /></Form.Item>
                    <Form.Item name={[f.name, 'direction']}><Select style={{ width: 90 }} options={[{ value: 'min', label: t('project.settings.min') }, { value: 'max', label: t('project.settings.max') }]} /></Form.Item>
                    <Form.Item name={[f.name, 'formula']}><Input placeholder={t('project.settings.formula')} style={{ width: 320 }} data-testid="indicator-formula" /></Form.Item>
                    {canEdit && <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                {canEdit && <Button icon={<PlusOutlined />} onClick={() => add({ id: '', name: '', unit: '', direction: 'min', formula: null })}>{t('project.settings.addIndicator')}</Button>}
              </>
            )}
          </Form.List>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('project.settings.rows')}</Typography.Title>
          <Form.List name={['controlTable', 'rows']}>
            {(fields, { add, remove }) => (
              <>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={fields}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: t('project.settings.prefix'), width: 110, render: (_, f) => <Form.Item noStyle name={[f.name, 'industryPrefix']}><Input style={{ width: 90 }} /></Form.Item> },
                    { title: t('project.settings.label'), width: 220, render: (_, f) => <Form.Item noStyle name={[f.name, 'label']}><Input style={{ width: 200 }} /></Form.Item> },
                    ...indicators.map((ind, i) => ({
                      key: `${ind?.id ?? i}`,
                      title: <span>{ind?.name || ind?.id}{ind?.unit ? <Tag style={{ marginInlineStart: 4 }}>{ind.unit}</Tag> : null}</span>,
                      width: 130,
                      render: (_: unknown, f: { name: number }) => <Form.Item noStyle name={[f.name, 'values', ind?.id ?? '']}><InputNumber style={{ width: 110 }} /></Form.Item>,
                    })),
                    ...(canEdit ? [{ title: '', width: 50, render: (_: unknown, f: { name: number }) => <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(f.name)} /> }] : []),
                  ]}
                />
                {canEdit && <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({ industryPrefix: '', label: '', values: {} })}>{t('project.settings.addRow')}</Button>}
              </>
            )}
          </Form.List>
        </Card>
      </Form>
    </>
  );
}
