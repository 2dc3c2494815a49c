import { Col, Row, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { TaskAction, TaskPage as TaskPageData } from '../../api/taskTypes';
import { notifyError, toast } from '../../components/feedback';
import { LoadError, NotFoundResult } from '../../components/Results';
import { ActionModal } from '../../components/tasks/ActionModal';
import { DecomposeModal } from '../../components/tasks/DecomposeModal';
import { ExtensionModal } from '../../components/tasks/ExtensionModal';
import { LightAlert } from '../../components/tasks/LightTag';
import { ReportModal } from '../../components/tasks/ReportModal';
import { TaskActions } from '../../components/tasks/TaskActions';
import { TaskAttachments } from '../../components/tasks/TaskAttachments';
import { TaskExtensions } from '../../components/tasks/TaskExtensions';
import { TaskQuality } from '../../components/tasks/TaskQuality';
import { useAuth } from '../../auth/AuthContext';
import { TaskHeader } from '../../components/tasks/TaskHeader';
import { TaskInfo } from '../../components/tasks/TaskInfo';
import { TaskPlan } from '../../components/tasks/TaskPlan';
import { TaskReports } from '../../components/tasks/TaskReports';
import { TaskTimeline } from '../../components/tasks/TaskTimeline';

/** 事项页面: header, details, plan, reports, timeline, and exactly the actions the caller may take now. */
export default function TaskPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const page = useRequest(() => api.get<TaskPageData>(`/tasks/${id}`), `task|${id}`);
  const [open, setOpen] = useState<TaskAction | null>(null);

  const done = () => {
    setOpen(null);
    page.reload();
  };
  // 409: the task moved on meanwhile (another user, another tab) — show the server's words and the current state
  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      toast('warning', e.message);
      setOpen(null);
      page.reload();
    } else notifyError(e);
  };

  if (page.error) {
    if (page.error instanceof ApiError && page.error.status === 404) return <NotFoundResult text={t('task.notFound')} />;
    return <LoadError error={page.error} onRetry={page.reload} />;
  }
  const p = page.data;
  if (!p || p.task.id !== id) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  const task = p.task;

  return (
    <>
      <TaskHeader page={p} actions={p.actions.length > 0 && <TaskActions page={p} onOpen={setOpen} onDone={done} onError={onError} />} />
      <LightAlert task={task} />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} xl={15}>
          <TaskInfo page={p} />
          <TaskPlan page={p} />
          <TaskReports page={p} onReport={p.actions.includes('report') ? () => setOpen('report') : undefined} />
        </Col>
        <Col xs={24} xl={9}>
          <TaskExtensions taskId={task.id} items={p.extensions} onDone={page.reload} onError={onError} />
          <div style={{ marginTop: p.extensions.length ? 16 : 0 }} className="ls-side-first">
            <TaskTimeline page={p} />
          </div>
          <TaskAttachments taskId={task.id} files={p.attachments} />
          {can('tasks.manage') && ['closed', 'archived'].includes(task.status) && <TaskQuality page={p} onError={onError} />}
        </Col>
      </Row>
      {open === 'report' && <ReportModal page={p} onClose={() => setOpen(null)} onDone={done} onError={onError} />}
      {open === 'request_extension' && <ExtensionModal task={task} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'decompose' && <DecomposeModal task={task} onClose={() => setOpen(null)} onDone={done} />}
      {open && !['report', 'request_extension', 'decompose'].includes(open) && (
        <ActionModal taskId={task.id} version={task.version} action={open} onClose={() => setOpen(null)} onDone={done} onError={onError} />
      )}
    </>
  );
}
