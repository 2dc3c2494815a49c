import { Button, Checkbox, Col, DatePicker, Input, Row, Select, Tooltip } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Leader, Unit } from '../../api/types';
import { UnitTreeSelect } from '../UnitTreeSelect';
import { leaderLabel } from '../tasks/useTaskRefs';
import { useTaskLabels } from '../tasks/useTaskLabels';
import type { DraftTask } from './draft';
import { dirInk } from './SourceText';

interface Props {
  task: DraftTask;
  i: number;
  j: number;
  units: Unit[];
  leaders: Leader[];
  selected: boolean;
  /** After a failed confirm: missing lead unit / deadline are outlined. */
  showMissing: boolean;
  onChange: (patch: Partial<DraftTask>) => void;
  onSelect: () => void;
  onMergeNext?: () => void;
}

/** One draft task under a directive: keep/drop, title, units, leader, deadline, priority, cycle. */
export function DraftTaskRow({ task, i, j, units, leaders, selected, showMissing, onChange, onSelect, onMergeNext }: Props) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const off = !task.keep;
  const miss = (v: unknown) => (showMissing && task.keep && !v ? 'error' : undefined);
  return (
    <div
      id={`meeting-task-${i}-${j}`}
      onClick={onSelect}
      style={{
        padding: '8px 10px',
        marginBottom: 8,
        borderRadius: 6,
        border: `1px solid ${selected ? dirInk(i) : '#f0f0f0'}`,
        background: off ? '#fafafa' : selected ? '#fffdf5' : '#fff',
        opacity: off ? 0.6 : 1,
      }}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
        <Checkbox
          checked={task.keep}
          onChange={(e) => onChange({ keep: e.target.checked })}
          data-testid={`meeting-task-keep-${i}-${j}`}
          style={{ marginTop: 5, whiteSpace: 'nowrap', flexShrink: 0 }}
        >
          {t('meetings.review.keep')}
        </Checkbox>
        <Input.TextArea
          value={task.title}
          onChange={(e) => onChange({ title: e.target.value })}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={300}
          placeholder={t('meetings.review.taskTitle')}
          status={showMissing && task.keep && !task.title.trim() ? 'error' : undefined}
          data-testid={`meeting-task-title-${i}-${j}`}
        />
        {onMergeNext && (
          <Tooltip title={t('meetings.review.mergeNext')}>
            <Button size="small" type="text" icon={<MergeCellsOutlined />} onClick={onMergeNext} aria-label={t('meetings.review.mergeNext')} />
          </Tooltip>
        )}
      </div>
      {task.keep && (
        <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
          <Col xs={24} md={12}>
            <Tooltip title={task.matchedKeyword ? t('meetings.review.suggested', { keyword: task.matchedKeyword }) : undefined}>
              <div>
                <UnitTreeSelect
                  units={units}
                  value={task.leadUnitId}
                  onChange={(v) => onChange({ leadUnitId: (v as string | undefined) ?? undefined })}
                  placeholder={t('meetings.review.leadUnit')}
                  style={miss(task.leadUnitId) ? { outline: '1px solid #ff4d4f', borderRadius: 6 } : undefined}
                  data-testid={`meeting-task-unit-${i}-${j}`}
                />
              </div>
            </Tooltip>
          </Col>
          <Col xs={24} md={12}>
            <UnitTreeSelect
              multiple
              units={units.filter((u) => u.id !== task.leadUnitId)}
              value={task.coopUnitIds}
              onChange={(v) => onChange({ coopUnitIds: (v as string[] | undefined) ?? [] })}
              placeholder={t('meetings.review.coopUnits')}
            />
          </Col>
          <Col xs={12} md={7}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={task.leadLeaderId}
              onChange={(v?: string) => onChange({ leadLeaderId: v })}
              placeholder={t('meetings.review.leader')}
              options={leaders.map((l) => ({ value: l.personId, label: leaderLabel(l) }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={6}>
            <DatePicker
              value={task.deadline ?? null}
              onChange={(d) => onChange({ deadline: d })}
              placeholder={t('meetings.review.deadline')}
              status={miss(task.deadline)}
              style={{ width: '100%' }}
              data-testid={`meeting-task-deadline-${i}-${j}`}
            />
          </Col>
          <Col xs={12} md={5}>
            <Select value={task.priority} onChange={(v) => onChange({ priority: v as DraftTask['priority'] })} options={labels.priorityOptions} style={{ width: '100%' }} aria-label={t('meetings.review.priority')} />
          </Col>
          <Col xs={12} md={6}>
            <Select value={task.cycle} onChange={(v) => onChange({ cycle: v as DraftTask['cycle'] })} options={labels.cycleOptions} style={{ width: '100%' }} aria-label={t('meetings.review.cycle')} />
          </Col>
        </Row>
      )}
    </div>
  );
}
