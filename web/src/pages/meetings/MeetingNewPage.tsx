import { Alert, Button, Card, Space, Steps, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ConfirmResult, ParseResult } from '../../api/meetingTypes';
import { errorText } from '../../components/feedback';
import { fromParse, taskOfField, toConfirm, type Draft } from '../../components/meetings/draft';
import { MeetingDone } from '../../components/meetings/MeetingDone';
import { MeetingInput } from '../../components/meetings/MeetingInput';
import { MeetingReview } from '../../components/meetings/MeetingReview';
import type { Selection } from '../../components/meetings/SourceText';
import { useLeaders, useUnits } from '../../components/tasks/useTaskRefs';
import { ApiError } from '../../api/client';
import type { FieldError } from '../../api/types';

/** 会议转任务: paste or upload a report, review what the parser found side by side with the text, confirm. */
export default function MeetingNewPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const leaders = useLeaders();
  const [text, setText] = useState('');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [parsed, setParsed] = useState<ParseResult | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [selected, setSelected] = useState<Selection | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showMissing, setShowMissing] = useState(false);
  const [result, setResult] = useState<ConfirmResult | null>(null);

  const fmtTitle = (kind: string, date: string) => t('meetings.review.titleDefault', { kind, date });
  const step = result ? 2 : draft ? 1 : 0;
  const kept = draft ? draft.directives.reduce((n, d) => n + d.tasks.filter((x) => x.keep).length, 0) : 0;
  const missing = draft ? draft.directives.reduce((n, d) => n + d.tasks.filter((x) => x.keep && (!x.leadUnitId || !x.deadline)).length, 0) : 0;

  const confirm = async () => {
    if (!draft) return;
    setShowMissing(true);
    setError(null);
    if (!draft.directives.length) return setError(t('meetings.review.noDirectives'));
    const { body, origin } = toConfirm(draft);
    setBusy(true);
    try {
      setResult(await api.post<ConfirmResult>('/meetings', body));
    } catch (e) {
      // the server's message as is; the edits stay, and the first task it names is brought into view
      setError(errorText(e));
      if (e instanceof ApiError && Array.isArray(e.details)) {
        const hit = (e.details as FieldError[]).map((d) => taskOfField(String(d.field ?? ''), origin)).find((x) => x);
        if (hit) {
          setSelected({ d: hit[0], t: hit[1], from: 'result' });
          document.getElementById(`meeting-task-${hit[0]}-${hit[1]}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setDraft(null);
    setParsed(null);
    setResult(null);
    setSelected(null);
    setError(null);
    setShowMissing(false);
  };

  return (
    <>
      <h2 className="ls-page-title">{t('meetings.newTitle')}</h2>
      <Steps
        size="small"
        current={step}
        status={step === 2 ? 'finish' : 'process'}
        style={{ marginBottom: 16, maxWidth: 720 }}
        items={[{ title: t('meetings.steps.input') }, { title: t('meetings.steps.review') }, { title: t('meetings.steps.done') }]}
      />
      {step === 0 && (
        <Card>
          <MeetingInput
            text={text}
            year={year}
            onText={setText}
            onYear={setYear}
            onParsed={(r) => {
              setParsed(r);
              setDraft(fromParse(r, fmtTitle));
              setSelected(null);
              setShowMissing(false);
              setError(null);
            }}
          />
        </Card>
      )}
      {step === 1 && draft && parsed && (
        <>
          <MeetingReview
            draft={draft}
            onChange={setDraft}
            units={units.data ?? []}
            unitIdOf={(code) => (code ? parsed.units[code]?.id : undefined)}
            leaders={leaders.data ?? []}
            warnings={parsed.parsed.warnings}
            closing={parsed.parsed.closingItems}
            selected={selected}
            onSelect={setSelected}
            showMissing={showMissing}
          />
          <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 5, marginTop: 4, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}>
            {error && <Alert type="error" showIcon title={t('meetings.review.failed')} description={error} closable={{ onClose: () => setError(null) }} style={{ marginBottom: 8 }} data-testid="meeting-error" />}
            <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
              <Typography.Text type={missing ? 'warning' : 'secondary'} style={{ flex: 1, minWidth: 240 }}>
                {missing ? t('meetings.review.missing', { count: missing }) : t('meetings.review.confirmHint')}
              </Typography.Text>
              <Space>
                <Button icon={<RollbackOutlined />} onClick={restart}>
                  {t('meetings.review.back')}
                </Button>
                <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => void confirm()} data-testid="meeting-confirm">
                  {t('meetings.review.confirm', { count: kept })}
                </Button>
              </Space>
            </div>
          </Card>
        </>
      )}
      {step === 2 && result && (
        <Card>
          <MeetingDone result={result} onAnother={() => { restart(); setText(''); }} />
        </Card>
      )}
    </>
  );
}
