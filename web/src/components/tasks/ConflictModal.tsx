import { Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskRow } from '../../api/taskTypes';
import type { Unit } from '../../api/types';
import { formatTime } from '../format';
import { useTaskLabels } from './useTaskLabels';

interface Props {
  current: Partial<TaskRow> | null;
  units: Unit[];
  onReload: () => void;
  onKeep: () => void;
}

/** 409 CONFLICT on save: somebody saved in between. Shows their version; nothing is overwritten. */
export function ConflictModal({ current, units, onReload, onKeep }: Props) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const unitName = (id?: string) => units.find((u) => u.id === id)?.name ?? id ?? '—';
  const c = current ?? {};
  return (
    <Modal
      open={!!current}
      title={t('taskForm.conflictTitle')}
      okText={t('taskForm.conflictReload')}
      cancelText={t('taskForm.conflictKeep')}
      onOk={onReload}
      onCancel={onKeep}
      width={620}
    >
      <Typography.Paragraph data-testid="conflict-modal">{t('taskForm.conflictIntro', { version: c.version ?? '?' })}</Typography.Paragraph>
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'title', label: t('task.title'), children: c.title },
          { key: 'status', label: t('task.status'), children: c.status ? labels.status(c.status) : '—' },
          { key: 'leadUnit', label: t('task.leadUnit'), children: unitName(c.leadUnitId) },
          { key: 'deadline', label: t('task.deadline'), children: c.deadline },
          { key: 'priority', label: t('task.priority'), children: c.priority ? labels.priority(c.priority) : '—' },
          { key: 'cycle', label: t('task.cycle'), children: c.cycle ? labels.cycleText(c.cycle, c.cycleDay ?? null) : '—' },
          { key: 'updatedAt', label: t('task.updatedAt'), children: formatTime(c.updatedAt) },
        ]}
      />
    </Modal>
  );
}
