import { Alert, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Light, Task } from '../../api/taskTypes';
import { formatTime } from '../format';

/** antd preset colours for the 三色预警 lights (yellow reads better as gold). */
export const LIGHT_COLORS: Record<Light, string> = { red: 'red', yellow: 'gold', blue: 'blue', green: 'green' };

export function LightDot({ light }: { light: Light }) {
  return <span className={`ls-light-dot ls-light-${light}`} aria-hidden />;
}

/** The light as a coloured tag (逾期 / 滞后 / 临期 / 正常); nothing when the task is not open. */
export function LightTag({ light, since, testId }: { light: Light | null | undefined; since?: string | null; testId?: string }) {
  const { t } = useTranslation();
  if (!light) return null;
  const tag = (
    <Tag color={LIGHT_COLORS[light]} data-testid={testId} data-light={light} style={{ marginInlineEnd: 0 }}>
      <LightDot light={light} />
      {t(`light.${light}`)}
    </Tag>
  );
  return since ? <Tooltip title={t('light.since', { time: formatTime(since) })}>{tag}</Tooltip> : tag;
}

const ALERT_TYPES = { red: 'error', yellow: 'warning', blue: 'info' } as const;

/** Why the task is red / yellow / blue: the server's reasons, strongest first. */
export function LightAlert({ task }: { task: Task }) {
  const { t } = useTranslation();
  const light = task.light;
  if (!light || light === 'green' || !task.lightReasons?.length) return null;
  return (
    <Alert
      showIcon
      type={ALERT_TYPES[light]}
      data-testid="task-light-alert"
      style={{ marginTop: 16 }}
      title={
        <>
          {t(`light.alert.${light}`)}
          {task.lightSince && <span className="ls-light-since">{t('light.since', { time: formatTime(task.lightSince) })}</span>}
        </>
      }
      description={
        <ul className="ls-light-reasons">
          {task.lightReasons.map((r, i) => (
            <li key={`${r.code}-${i}`}>{r.message}</li>
          ))}
        </ul>
      }
    />
  );
}
