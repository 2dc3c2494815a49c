import { Button, Result, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ConfirmResult } from '../../api/meetingTypes';

/** Step 3: what was created, with links to the ledger (by source) and the meeting page. */
export function MeetingDone({ result, onAnother }: { result: ConfirmResult; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      data-testid="meeting-result"
      title={t('meetings.done.title', { directives: result.directives, count: result.tasks.length })}
      subTitle={
        result.tasks.length > 0 && (
          <div style={{ marginTop: 8 }}>
            {t('meetings.done.numbers')}
            {result.tasks.map((n) => (
              <Tag key={n} style={{ marginBottom: 4 }}>
                {n}
              </Tag>
            ))}
          </div>
        )
      }
      extra={
        <Space wrap>
          <Link to={`/tasks?sourceId=${result.sourceId}`}>
            <Button type="primary">{t('meetings.done.ledger')}</Button>
          </Link>
          <Link to={`/meetings/${result.id}`}>
            <Button>{t('meetings.done.meeting')}</Button>
          </Link>
          <Button onClick={onAnother}>{t('meetings.done.another')}</Button>
        </Space>
      }
    />
  );
}
