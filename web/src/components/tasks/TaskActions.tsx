import { Button, Space } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { COMMENT_ACTIONS, type TaskAction, type TaskPage } from '../../api/taskTypes';
import { toast } from '../feedback';
import { useTaskLabels } from './useTaskLabels';
import { useTranslation } from 'react-i18next';

/** Actions with their own form (dialog) besides the comment-only ones. */
const DIALOGS: TaskAction[] = [...COMMENT_ACTIONS, 'report', 'decompose'];
const PRIMARY: TaskAction[] = ['sign', 'assign', 'approve_review', 'approve_completion', 'archive', 'report', 'submit_review'];
const DANGER: TaskAction[] = ['withdraw', 'return', 'reject_review', 'request_rectify'];

interface Props {
  page: TaskPage;
  /** Opens the dialog of an action that needs input. */
  onOpen: (a: TaskAction) => void;
  onDone: () => void;
  onError: (e: unknown) => void;
}

/** Exactly the buttons of `actions`: the ones without input run at once, the others open their dialog. */
export function TaskActions({ page, onOpen, onDone, onError }: Props) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const navigate = useNavigate();
  const [running, setRunning] = useState<TaskAction | null>(null);
  const { task } = page;

  const run = async (a: TaskAction) => {
    if (a === 'edit') return navigate(`/tasks/${task.id}/edit`);
    if (DIALOGS.includes(a)) return onOpen(a);
    setRunning(a);
    try {
      await api.post(`/tasks/${task.id}/actions/${a}`, { version: task.version });
      toast('success', t('taskAct.done'));
      onDone();
    } catch (e) {
      onError(e);
    } finally {
      setRunning(null);
    }
  };

  if (!page.actions.length) return null;
  return (
    <Space wrap data-testid="task-actions">
      {page.actions.map((a) => {
        const props: ButtonProps = {
          type: PRIMARY.includes(a) ? 'primary' : 'default',
          danger: DANGER.includes(a),
          loading: running === a,
          disabled: running !== null && running !== a,
        };
        return (
          <Button key={a} {...props} onClick={() => void run(a)} data-testid={`action-${a}`}>
            {labels.action(a)}
          </Button>
        );
      })}
    </Space>
  );
}
