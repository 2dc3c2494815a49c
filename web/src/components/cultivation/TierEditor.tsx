// The evaluator's editor of the cultivation tier set: every tier with its rule, threshold, targets per year and owner
// unit, saved as a whole (PUT /cultivation/tiers). The server's 422 details land on the fields they name.
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { useUnits } from '../../api/hooks';
import type { FieldError } from '../../api/types';
import type { CultivationTierSetInput, CultivationTiers } from '../../api/cultivationTypes';
import { notifyError, toast } from '../feedback';

interface FormTier {
  id: string;
  name: string;
  order: number;
  rule: string;
  thresholdField?: string;
  thresholdValue?: number;
  targets: { year: number; count: number }[];
  ownerUnitId?: string;
}
interface FormValues {
  illustrative: boolean;
  note: string;
  tiers: FormTier[];
}

function toForm(set: CultivationTiers): FormValues {
  return {
    illustrative: set.illustrative,
    note: set.note,
    tiers: set.tiers.map((x) => ({
      id: x.id,
      name: x.name,
      order: x.order,
      rule: x.rule,
      thresholdField: x.threshold?.field,
      thresholdValue: x.threshold?.value,
      targets: x.targets,
      ownerUnitId: x.ownerUnitId ?? undefined,
    })),
  };
}

function toBody(v: FormValues): CultivationTierSetInput {
  return {
    illustrative: !!v.illustrative,
    note: v.note ?? '',
    tiers: (v.tiers ?? []).map((x) => ({
      id: x.id ?? '',
      name: x.name ?? '',
      order: x.order,
      rule: x.rule ?? '',
      threshold: x.thresholdField ? { field: x.thresholdField, value: x.thresholdValue ?? Number.NaN } : null,
      targets: (x.targets ?? []).map((g) => ({ year: g.year, count: g.count })),
      ownerUnitId: x.ownerUnitId ?? null,
    })),
  };
}

/** `tiers[1].rule` or `tiers.1.targets.0.count` → the form path; `threshold.*` lands on the form's own fields. */
function formPath(field: string): (string | number)[] {
  const parts = field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const k = parts.indexOf('threshold');
  if (k >= 0) return [...parts.slice(0, k), parts[k + 1] === 'value' ? 'thresholdValue' : 'thresholdField'];
  return parts;
}

export function TierEditor({ tiers, onClose, onSaved }: { tiers: CultivationTiers; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const units = useUnits();
  const numberFields = tiers.fields.filter((f) => f.kind === 'number');

  const save = async () => {
    const v = form.getFieldsValue(true) as FormValues;
    setSaving(true);
    try {
      await api.put('/cultivation/tiers', toBody(v));
      toast('success', t('cultivation.edit.saved'));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && Array.isArray(e.details)) {
        form.setFields((e.details as FieldError[]).map((d) => ({ name: formPath(d.field) as never, errors: [d.message] })));
      }
      notifyError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={960}
      title={t('cultivation.edit.title')}
      onCancel={onClose}
      onOk={save}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      data-testid="cultivation-editor"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('cultivation.edit.ruleHelp', { fields: tiers.fields.map((x) => `${x.key}（${x.zh}）`).join('、') })}
      />
      <Form form={form} layout="vertical" initialValues={toForm(tiers)} size="small">
        <Row gutter={12}>
          <Col span={18}>
            <Form.Item name="note" label={t('cultivation.edit.note')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="illustrative" valuePropName="checked" label=" ">
              <Checkbox>{t('cultivation.edit.illustrative')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="tiers">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Card
                  key={f.key}
                  size="small"
                  extra={
                    <Button type="link" danger onClick={() => remove(f.name)}>
                      {t('cultivation.edit.remove')}
                    </Button>
                  }
                >
                  <Row gutter={8}>
                    <Col span={5}>
                      <Form.Item name={[f.name, 'id']} label={t('cultivation.edit.id')}>
                        <Input maxLength={40} />
                      </Form.Item>
                    </Col>
                    <Col span={13}>
                      <Form.Item name={[f.name, 'name']} label={t('cultivation.edit.name')}>
                        <Input maxLength={60} />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[f.name, 'order']} label={t('cultivation.edit.order')}>
                        <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={24}>
                      <Form.Item name={[f.name, 'rule']} label={t('cultivation.edit.rule')}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} style={{ fontFamily: 'monospace' }} />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[f.name, 'thresholdField']} label={t('cultivation.edit.thresholdField')}>
                        <Select allowClear options={numberFields.map((x) => ({ value: x.key, label: x.zh }))} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item name={[f.name, 'thresholdValue']} label={t('cultivation.edit.thresholdValue')}>
                        <InputNumber style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={13}>
                      <Form.Item name={[f.name, 'ownerUnitId']} label={t('cultivation.edit.owner')}>
                        <Select
                          allowClear
                          showSearch
                          optionFilterProp="label"
                          loading={units.loading}
                          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={24}>
                      <Form.Item label={t('cultivation.edit.targets')} style={{ marginBottom: 0 }}>
                        <Form.List name={[f.name, 'targets']}>
                          {(gs, g) => (
                            <Space wrap>
                              {gs.map((x) => (
                                <Space.Compact key={x.key}>
                                  <Form.Item name={[x.name, 'year']} noStyle>
                                    <InputNumber
                                      placeholder={t('cultivation.edit.targetYear')}
                                      min={2000}
                                      max={2100}
                                      style={{ width: 90 }}
                                    />
                                  </Form.Item>
                                  <Form.Item name={[x.name, 'count']} noStyle>
                                    <InputNumber
                                      placeholder={t('cultivation.edit.targetCount')}
                                      min={0}
                                      precision={0}
                                      style={{ width: 80 }}
                                    />
                                  </Form.Item>
                                  <Button icon={<MinusCircleOutlined />} onClick={() => g.remove(x.name)} />
                                </Space.Compact>
                              ))}
                              <Button
                                icon={<PlusOutlined />}
                                onClick={() => g.add({ year: new Date().getFullYear(), count: 1 })}
                              />
                            </Space>
                          )}
                        </Form.List>
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ id: '', name: '', order: fields.length + 1, rule: '', targets: [] })}
              >
                {t('cultivation.edit.add')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
