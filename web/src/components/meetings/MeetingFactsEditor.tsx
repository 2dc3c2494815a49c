import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { defaultTitle, type Draft } from './draft';

interface Props {
  draft: Draft;
  onChange: (d: Draft) => void;
  showMissing: boolean;
}

/** Title, date, kind, chair, attendees and studied documents of the meeting under review. */
export function MeetingFactsEditor({ draft, onChange, showMissing }: Props) {
  const { t } = useTranslation();
  const fmt = (kind: string, date: string) => t('meetings.review.titleDefault', { kind, date });
  // while the title was not typed by hand, it follows kind and date
  const set = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    if (!next.titleTouched) next.title = defaultTitle(next.kind, next.heldOn, fmt);
    onChange(next);
  };
  const tags = (value: string[], key: 'attendees' | 'studied') => (
    <Select
      mode="tags"
      value={value}
      onChange={(v: string[]) => set({ [key]: v })}
      open={false}
      suffixIcon={null}
      tokenSeparators={['、', ',', '，']}
      placeholder={t('meetings.review.listPlaceholder')}
      style={{ width: '100%' }}
    />
  );
  return (
    <Form layout="vertical" size="small" component="div">
      <Form.Item label={t('meetings.review.title')} required validateStatus={showMissing && !draft.title.trim() ? 'error' : undefined} style={{ marginBottom: 8 }}>
        <Input value={draft.title} maxLength={200} onChange={(e) => onChange({ ...draft, title: e.target.value, titleTouched: true })} data-testid="meeting-title" />
      </Form.Item>
      <Row gutter={8}>
        <Col span={8}>
          <Form.Item label={t('meetings.review.heldOn')} style={{ marginBottom: 8 }}>
            <DatePicker
              value={draft.heldOn ? dayjs(draft.heldOn) : null}
              onChange={(d) => set({ heldOn: d ? d.format('YYYY-MM-DD') : null })}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('meetings.review.kind')} style={{ marginBottom: 8 }}>
            <Input value={draft.kind} maxLength={50} onChange={(e) => set({ kind: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('meetings.review.chair')} style={{ marginBottom: 8 }}>
            <Input value={draft.chair} maxLength={50} onChange={(e) => set({ chair: e.target.value })} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('meetings.review.attendees')} style={{ marginBottom: 8 }}>
        {tags(draft.attendees, 'attendees')}
      </Form.Item>
      <Form.Item label={t('meetings.review.studied')} style={{ marginBottom: 0 }}>
        {tags(draft.studied, 'studied')}
      </Form.Item>
    </Form>
  );
}
