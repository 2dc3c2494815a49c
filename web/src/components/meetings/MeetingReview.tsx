import { Alert, Button, Card, Col, Divider, Row, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParsedClosingItem } from '../../api/meetingTypes';
import type { Leader, Unit } from '../../api/types';
import { DirectiveCard } from './DirectiveCard';
import { mergeDirectiveUp, newKey, newTask, type Draft, type DraftDirective } from './draft';
import { MeetingFactsEditor } from './MeetingFactsEditor';
import { SourceText, type Selection } from './SourceText';

interface Props {
  draft: Draft;
  onChange: (d: Draft) => void;
  units: Unit[];
  unitIdOf: (code: string | null) => string | undefined;
  leaders: Leader[];
  warnings: string[];
  closing: ParsedClosingItem[];
  selected: Selection | null;
  onSelect: (s: Selection | null) => void;
  showMissing: boolean;
}

/** Step 2: the source text on the left, the editable result on the right; a click on either side finds the other. */
export function MeetingReview({ draft, onChange, units, unitIdOf, leaders, warnings, closing, selected, onSelect, showMissing }: Props) {
  const { t } = useTranslation();
  const marks = useMemo(() => draft.directives.map((d) => ({ span: d.span, tasks: d.tasks.map((x) => ({ span: x.span })) })), [draft.directives]);
  const setDirs = (directives: DraftDirective[]) => {
    onChange({ ...draft, directives });
    onSelect(null);
  };
  const fromSource = (s: Selection) => {
    onSelect(s);
    const id = s.t === undefined ? `meeting-dir-${s.d}` : `meeting-task-${s.d}-${s.t}`;
    document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };
  const addClosing = (c: ParsedClosingItem) => {
    const last = draft.directives[draft.directives.length - 1];
    const d: DraftDirective = {
      key: newKey('d'),
      groupIndex: (last?.groupIndex ?? -1) + 1,
      groupTitle: null,
      ordinal: 1,
      marker: '',
      text: c.text,
      span: c.span,
      standard: '',
      field: '',
      tasks: [newTask(c.text, c.span, unitIdOf(c.suggestedUnitCode), c.matchedKeyword)],
    };
    onChange({ ...draft, directives: [...draft.directives, d] });
  };
  const inDraft = (c: ParsedClosingItem) => draft.directives.some((d) => d.span && d.span.start <= c.span.start && c.span.end <= d.span.end);

  return (
    <Row gutter={16}>
      <Col xs={24} lg={11}>
        <Card size="small" title={t('meetings.review.source')} style={{ position: 'sticky', top: 12 }}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {t('meetings.review.sourceHint')}
          </Typography.Paragraph>
          <SourceText text={draft.text} marks={marks} selected={selected} onSelect={fromSource} maxHeight="calc(100vh - 230px)" testId="meeting-source" />
        </Card>
      </Col>
      <Col xs={24} lg={13}>
        {warnings.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('meetings.review.warnings')} description={warnings.map((w) => <div key={w}>{w}</div>)} />
        )}
        <Card size="small" title={t('meetings.review.facts')} style={{ marginBottom: 12 }}>
          <MeetingFactsEditor draft={draft} onChange={onChange} showMissing={showMissing} />
        </Card>
        <Divider titlePlacement="start" plain style={{ margin: '8px 0 12px' }}>
          {t('meetings.review.directives', { count: draft.directives.length })}
        </Divider>
        {draft.directives.map((d, i) => (
          <div key={d.key}>
            {d.groupTitle && draft.directives[i - 1]?.groupTitle !== d.groupTitle && (
              <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0 8px', fontSize: 12 }}>
                {d.groupTitle}
              </Typography.Text>
            )}
            <DirectiveCard
              dir={d}
              i={i}
              units={units}
              leaders={leaders}
              selected={selected}
              showMissing={showMissing}
              onChange={(nd) => onChange({ ...draft, directives: draft.directives.map((x, k) => (k === i ? nd : x)) })}
              onDrop={() => setDirs(draft.directives.filter((_, k) => k !== i))}
              onMergeUp={i > 0 ? () => setDirs(mergeDirectiveUp(draft.directives, i)) : undefined}
              onSelect={(tIdx) => onSelect({ d: i, t: tIdx, from: 'result' })}
            />
          </div>
        ))}
        {closing.length > 0 && (
          <Card size="small" title={t('meetings.review.closing')} style={{ marginBottom: 12 }}>
            {closing.map((c) => (
              <div key={c.span.start} style={{ display: 'flex', gap: 8, alignItems: 'flex-start', marginBottom: 6 }}>
                <Typography.Text style={{ flex: 1 }}>{c.text}</Typography.Text>
                <Space>
                  <Button size="small" icon={<PlusOutlined />} disabled={inDraft(c)} onClick={() => addClosing(c)}>
                    {t('meetings.review.addClosing')}
                  </Button>
                </Space>
              </div>
            ))}
          </Card>
        )}
      </Col>
    </Row>
  );
}
