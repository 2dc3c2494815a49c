import { Button, Col, Input, Popconfirm, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, VerticalAlignTopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Leader, Unit } from '../../api/types';
import { mergeTaskNext, newTask, type DraftDirective, type DraftTask } from './draft';
import { DraftTaskRow } from './DraftTaskRow';
import { dirColor, dirInk, type Selection } from './SourceText';

interface Props {
  dir: DraftDirective;
  i: number;
  units: Unit[];
  leaders: Leader[];
  selected: Selection | null;
  showMissing: boolean;
  onChange: (d: DraftDirective) => void;
  onDrop: () => void;
  onMergeUp?: () => void;
  onSelect: (t?: number) => void;
}

/** One directive: its text, standard and field, and its draft tasks. */
export function DirectiveCard({ dir, i, units, leaders, selected, showMissing, onChange, onDrop, onMergeUp, onSelect }: Props) {
  const { t } = useTranslation();
  const on = selected?.d === i;
  const setTask = (j: number, patch: Partial<DraftTask>) => onChange({ ...dir, tasks: dir.tasks.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
  const kept = dir.tasks.filter((x) => x.keep).length;
  return (
    <div
      id={`meeting-dir-${i}`}
      data-testid={`meeting-directive-${i}`}
      style={{
        borderLeft: `4px solid ${dirInk(i)}`,
        background: on ? dirColor(i) : '#fff',
        border: `1px solid ${on ? dirInk(i) : '#f0f0f0'}`,
        borderLeftWidth: 4,
        borderRadius: 8,
        padding: 12,
        marginBottom: 12,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 }} onClick={() => onSelect()}>
        <Tag color={dirInk(i)} style={{ marginInlineEnd: 0, cursor: 'pointer' }}>
          {dir.marker || dir.ordinal}
        </Tag>
        <Typography.Text type="secondary" style={{ flex: 1, cursor: 'pointer' }}>
          {t('meetings.review.directiveText')}
        </Typography.Text>
        <Space size={0}>
          {onMergeUp && (
            <Tooltip title={t('meetings.review.mergeUp')}>
              <Button size="small" type="text" icon={<VerticalAlignTopOutlined />} onClick={onMergeUp} aria-label={t('meetings.review.mergeUp')} />
            </Tooltip>
          )}
          <Popconfirm title={t('meetings.review.drop')} onConfirm={onDrop}>
            <Tooltip title={t('meetings.review.drop')}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('meetings.review.drop')} />
            </Tooltip>
          </Popconfirm>
        </Space>
      </div>
      <Input.TextArea
        value={dir.text}
        onFocus={() => onSelect()}
        onChange={(e) => onChange({ ...dir, text: e.target.value })}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={10000}
      />
      <Row gutter={8} style={{ marginTop: 8 }}>
        <Col span={12}>
          <Input prefix={<Typography.Text type="secondary">{t('meetings.review.standard')}</Typography.Text>} value={dir.standard} maxLength={200} onChange={(e) => onChange({ ...dir, standard: e.target.value })} />
        </Col>
        <Col span={12}>
          <Input prefix={<Typography.Text type="secondary">{t('meetings.review.field')}</Typography.Text>} value={dir.field} maxLength={200} onChange={(e) => onChange({ ...dir, field: e.target.value })} />
        </Col>
      </Row>
      <div style={{ margin: '12px 0 6px', display: 'flex', alignItems: 'center' }}>
        <Typography.Text strong style={{ flex: 1 }}>
          {t('meetings.review.tasks', { kept, count: dir.tasks.length })}
        </Typography.Text>
        <Button size="small" icon={<PlusOutlined />} onClick={() => onChange({ ...dir, tasks: [...dir.tasks, newTask('', null)] })}>
          {t('meetings.review.addTask')}
        </Button>
      </div>
      {dir.tasks.length === 0 && <Typography.Text type="secondary">{t('meetings.review.noTasks')}</Typography.Text>}
      {dir.tasks.map((task, j) => (
        <DraftTaskRow
          key={task.key}
          task={task}
          i={i}
          j={j}
          units={units}
          leaders={leaders}
          selected={on && selected?.t === j}
          showMissing={showMissing}
          onChange={(p) => setTask(j, p)}
          onSelect={() => onSelect(j)}
          onMergeNext={j + 1 < dir.tasks.length ? () => onChange({ ...dir, tasks: mergeTaskNext(dir.tasks, j) }) : undefined}
        />
      ))}
    </div>
  );
}
