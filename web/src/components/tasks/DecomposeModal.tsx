import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Task } from '../../api/taskTypes';
import { reportFormError, toast } from '../feedback';

interface Values {
  title: string;
  requirement?: string;
  unitId: string;
  deadline: Dayjs;
}

/** 分解任务: the lead unit hands part of the task to one of its cooperating units (assigned at once). */
export function DecomposeModal({ task, onClose, onDone }: { task: Task; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const r = await api.post<{ id: string; number: string }>(`/tasks/${task.id}/subtasks`, {
        title: v.title.trim(),
        requirement: v.requirement?.trim() ?? '',
        unitId: v.unitId,
        deadline: v.deadline.format('YYYY-MM-DD'),
      });
      toast('success', t('taskAct.subCreated', { number: r.number }));
      onDone();
    } catch (e) {
      reportFormError(form, e, ['title', 'requirement', 'unitId', 'deadline']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('taskEvent.decompose')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'action-modal-ok', disabled: !task.coopUnits.length }}>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ marginTop: 12 }} initialValues={{ deadline: dayjs(task.deadline) }}>
        <Form.Item name="title" label={t('taskAct.subTitle')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('taskAct.subTitle') }) }]}>
          <Input maxLength={300} data-testid="action-modal-comment" />
        </Form.Item>
        <Form.Item name="requirement" label={t('taskAct.subRequirement')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('taskAct.subUnit')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('taskAct.subUnit') }) }]}
          extra={task.coopUnits.length ? undefined : t('taskAct.noCoop')}
        >
          <Select options={task.coopUnits.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="deadline" label={t('taskAct.subDeadline', { date: task.deadline })} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(task.deadline), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
