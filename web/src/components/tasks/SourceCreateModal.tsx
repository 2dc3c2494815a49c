import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { SourceKind, TaskSource } from '../../api/taskTypes';
import { reportFormError, toast } from '../feedback';
import { useTaskLabels } from './useTaskLabels';

interface Values {
  kind: SourceKind;
  title: string;
  documentNo?: string;
  issuedOn?: Dayjs;
}

/** 新增事项来源 (a meeting, an instruction, a list) without leaving the task form. */
export function SourceCreateModal({ open, kind, onClose, onCreated }: { open: boolean; kind?: SourceKind; onClose: () => void; onCreated: (s: TaskSource) => void }) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) form.setFieldsValue({ kind: kind ?? 'meeting', title: '', documentNo: undefined, issuedOn: undefined });
  }, [open, kind, form]);

  const save = async (v: Values) => {
    setBusy(true);
    try {
      const s = await api.post<TaskSource>('/task-sources', {
        kind: v.kind,
        title: v.title.trim(),
        documentNo: v.documentNo?.trim() || null,
        issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null,
      });
      toast('success', t('taskForm.sourceCreated'));
      onCreated(s);
    } catch (e) {
      reportFormError(form, e, ['kind', 'title', 'documentNo', 'issuedOn']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('taskForm.newSourceTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={t('common.save')} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ marginTop: 12 }}>
        <Form.Item name="kind" label={t('task.sourceKind')} rules={[{ required: true }]}>
          <Select options={labels.sourceKindOptions} />
        </Form.Item>
        <Form.Item name="title" label={t('taskForm.sourceTitle')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('taskForm.sourceTitle') }) }]}>
          <Input maxLength={200} placeholder={t('taskForm.sourceTitlePlaceholder')} />
        </Form.Item>
        <Form.Item name="documentNo" label={t('taskForm.documentNo')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('taskForm.issuedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
