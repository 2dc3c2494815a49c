import { Alert, Button, Card, Form, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { TaskPage, TaskRow } from '../../api/taskTypes';
import type { FieldError } from '../../api/types';
import { notifyError, toast } from '../../components/feedback';
import { LoadError } from '../../components/Results';
import { ConflictModal } from '../../components/tasks/ConflictModal';
import { MilestoneTargetFields } from '../../components/tasks/MilestoneTargetFields';
import { TaskFormFields } from '../../components/tasks/TaskFormFields';
import { EMPTY_TASK, fieldPath, fromTask, toInput, type TaskFormValues } from '../../components/tasks/taskFormValues';
import { useUnits } from '../../components/tasks/useTaskRefs';

const FORM_FIELDS = ['title', 'requirement', 'sourceKind', 'sourceId', 'category', 'leadLeaderId', 'leadUnitId', 'coopUnitIds', 'deadline', 'priority', 'cycle', 'cycleDay', 'milestones', 'targets'];

/** 新建 / 修改督办事项. Edits carry the version they started from; a 409 shows the newer version instead of overwriting. */
export default function TaskFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const editing = !!id;
  const [form] = Form.useForm<TaskFormValues>();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<Partial<TaskRow> | null>(null);
  const units = useUnits();
  const page = useRequest(() => api.get<TaskPage>(`/tasks/${id}`), `task-edit|${id}`, editing);
  const [version, setVersion] = useState<number | null>(null);

  useEffect(() => {
    if (page.data) {
      form.resetFields();
      form.setFieldsValue(fromTask(page.data));
      setVersion(page.data.task.version);
    }
  }, [page.data, form]);

  const showErrors = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'VALIDATION' && Array.isArray(err.details)) {
      const fields = (err.details as FieldError[]).map((d) => ({ name: fieldPath(String(d.field ?? '')), errors: [d.message] }));
      const known = fields.filter((f) => FORM_FIELDS.includes(String(f.name[0])));
      if (known.length) form.setFields(known as Parameters<typeof form.setFields>[0]);
      const rest = fields.filter((f) => !known.includes(f)).map((f) => f.errors[0]);
      if (rest.length || !known.length) toast('error', rest.length ? rest.join('；') : err.message);
      return;
    }
    notifyError(err);
  };

  const save = async (values: TaskFormValues) => {
    setBusy(true);
    try {
      const input = toInput(values);
      if (editing) {
        await api.put(`/tasks/${id}`, { ...input, version });
        toast('success', t('taskForm.saved'));
        navigate(`/tasks/${id}`);
      } else {
        const r = await api.post<{ id: string; number: string }>('/tasks', input);
        toast('success', t('taskForm.created', { number: r.number }));
        navigate(`/tasks/${r.id}`);
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT' && editing) {
        const current = (e.details as { current?: Partial<TaskRow> } | undefined)?.current;
        setConflict(current ?? { version: undefined });
      } else showErrors(e);
    } finally {
      setBusy(false);
    }
  };

  if (editing && page.error) return <LoadError error={page.error} onRetry={page.reload} />;
  if (editing && page.data?.task.id !== id) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const editable = !editing || page.data?.actions.includes('edit');

  return (
    <>
      <h2 className="ls-page-title">{editing ? t('taskForm.editTitle', { number: page.data?.task.number ?? '' }) : t('taskForm.createTitle')}</h2>
      <Card>
        {!editable && <Alert type="warning" showIcon title={t('taskForm.notEditable')} style={{ marginBottom: 16 }} />}
        {!editing && <Alert type="info" showIcon title={t('taskForm.afterCreate')} style={{ marginBottom: 8 }} />}
        <Form<TaskFormValues>
          form={form}
          layout="vertical"
          initialValues={EMPTY_TASK}
          onFinish={(v) => void save(v)}
          disabled={!editable}
          scrollToFirstError
          onKeyDown={(e) => {
            // a long form: Enter in a text box (e.g. after typing a date) must not save it half-filled
            if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
          }}
        >
          <TaskFormFields form={form} />
          <MilestoneTargetFields />
          <Space style={{ marginTop: 24 }}>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="task-form-submit">
              {editing ? t('taskForm.submitEdit') : t('taskForm.submitCreate')}
            </Button>
            <Button disabled={false} onClick={() => navigate(editing ? `/tasks/${id}` : '/tasks')}>
              {t('common.cancel')}
            </Button>
          </Space>
        </Form>
      </Card>
      <ConflictModal
        current={conflict}
        units={units.data ?? []}
        onKeep={() => setConflict(null)}
        onReload={() => {
          setConflict(null);
          page.reload();
          toast('info', t('taskForm.reloaded'));
        }}
      />
    </>
  );
}
