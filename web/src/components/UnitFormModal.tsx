import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Unit, UnitKind } from '../api/types';
import { reportFormError, toast } from './feedback';
import { UnitTreeSelect } from './UnitTreeSelect';
import { useLabels } from './useLabels';

export type UnitFormMode = { type: 'create'; parent?: Unit } | { type: 'edit'; unit: Unit };

interface Values {
  parentId?: string | null;
  code: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  sortOrder?: number | null;
}

const FIELDS = ['parentId', 'code', 'name', 'shortName', 'kind', 'sortOrder'];

interface Props {
  mode: UnitFormMode | null;
  units: Unit[];
  onClose: () => void;
  onSaved: (u: Unit) => void;
}

export function UnitFormModal({ mode, units, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    if (mode.type === 'edit') {
      const u = mode.unit;
      form.setFieldsValue({ parentId: u.parentId, code: u.code, name: u.name, shortName: u.shortName ?? '', kind: u.kind, sortOrder: u.sortOrder });
    } else {
      form.setFieldsValue({ parentId: mode.parent?.id ?? null, kind: mode.parent ? 'department' : 'government', sortOrder: 0 });
    }
  }, [mode, form]);

  const title = !mode
    ? ''
    : mode.type === 'edit'
      ? t('units.editTitle')
      : mode.parent
        ? t('units.addChildTitle', { parent: mode.parent.name })
        : t('units.addTitle');

  const submit = async () => {
    if (!mode) return;
    const v = await form.validateFields();
    const body = {
      parentId: v.parentId ?? null,
      code: v.code.trim(),
      name: v.name.trim(),
      shortName: v.shortName?.trim() || null,
      kind: v.kind,
      sortOrder: v.sortOrder ?? 0,
    };
    setBusy(true);
    try {
      const saved =
        mode.type === 'edit' ? await api.patch<Unit>(`/units/${mode.unit.id}`, body) : await api.post<Unit>('/units', body);
      toast('success', mode.type === 'edit' ? t('units.updated') : t('units.created'));
      onSaved(saved);
    } catch (e) {
      reportFormError(form, e, FIELDS, 'code');
    } finally {
      setBusy(false);
    }
  };

  const req = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  const max = (field: string, n: number) => ({ max: n, message: t('common.tooLong', { field, max: n }) });

  return (
    <Modal open={!!mode} title={title} onCancel={onClose} onOk={() => void submit().catch(() => undefined)} confirmLoading={busy} forceRender width={560} okText={t('common.save')}>
      <Form form={form} layout="vertical" requiredMark style={{ marginTop: 12 }}>
        <Form.Item name="parentId" label={t('units.parent')}>
          <UnitTreeSelect units={units} exclude={mode?.type === 'edit' ? mode.unit.id : undefined} placeholder={t('units.topLevel')} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="code" label={t('units.code')} rules={[req(t('units.code')), max(t('units.code'), 32)]} style={{ flex: 1 }}>
            <Input placeholder={t('units.codePlaceholder')} />
          </Form.Item>
          <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('units.kind') }) }]} style={{ flex: 1 }}>
            <Select options={labels.kinds.map((k) => ({ value: k.id, label: k.label }))} />
          </Form.Item>
        </div>
        <Form.Item name="name" label={t('units.name')} rules={[req(t('units.name')), max(t('units.name'), 100)]}>
          <Input />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="shortName" label={t('units.shortName')} rules={[max(t('units.shortName'), 50)]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('units.sortOrder')} tooltip={t('units.sortOrderHelp')} style={{ flex: 1 }}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
