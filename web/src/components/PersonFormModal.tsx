import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Person, Unit } from '../api/types';
import { reportFormError, toast } from './feedback';
import { UnitTreeSelect } from './UnitTreeSelect';

export type PersonFormMode = { type: 'create'; unitId?: string } | { type: 'edit'; person: Person };

interface Values {
  name: string;
  unitId: string;
  title?: string;
  phone?: string;
}

const FIELDS = ['name', 'unitId', 'title', 'phone'];
const PHONE = /^[0-9+\-\s()（）]{5,24}$/;

interface Props {
  mode: PersonFormMode | null;
  units: Unit[];
  onClose: () => void;
  onSaved: (p: Person) => void;
}

export function PersonFormModal({ mode, units, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    if (mode.type === 'edit') {
      const p = mode.person;
      form.setFieldsValue({ name: p.name, unitId: p.unitId, title: p.title ?? '', phone: p.phone ?? '' });
    } else if (mode.unitId) {
      form.setFieldsValue({ unitId: mode.unitId });
    }
  }, [mode, form]);

  const submit = async () => {
    if (!mode) return;
    const v = await form.validateFields();
    const body = { name: v.name.trim(), unitId: v.unitId, title: v.title?.trim() || null, phone: v.phone?.trim() || null };
    setBusy(true);
    try {
      const saved =
        mode.type === 'edit' ? await api.patch<Person>(`/people/${mode.person.id}`, body) : await api.post<Person>('/people', body);
      toast('success', mode.type === 'edit' ? t('people.updated') : t('people.created'));
      onSaved(saved);
    } catch (e) {
      reportFormError(form, e, FIELDS);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!mode}
      title={mode?.type === 'edit' ? t('people.editTitle') : t('people.addTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={busy}
      forceRender
      okText={t('common.save')}
    >
      <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item
          name="name"
          label={t('people.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('people.name') }) },
            { max: 50, message: t('common.tooLong', { field: t('people.name'), max: 50 }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="unitId" label={t('people.unit')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('people.unit') }) }]}>
          <UnitTreeSelect units={units} allowClear={false} />
        </Form.Item>
        <Form.Item name="title" label={t('people.jobTitle')} rules={[{ max: 100, message: t('common.tooLong', { field: t('people.jobTitle'), max: 100 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('people.phone')} rules={[{ pattern: PHONE, message: t('people.phoneInvalid') }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
