import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { LedgerRow, Light } from '../../api/taskTypes';
import type { Paged } from '../../api/types';
import { LightDot } from './LightTag';

const WARNED: Light[] = ['red', 'yellow', 'blue'];

/** 预警 line on the workbench: how many tasks in the caller's scope are red / yellow / blue, each a ledger link. */
export function WarningCounts() {
  const { t } = useTranslation();
  const counts = useRequest(
    () => Promise.all(WARNED.map((light) => api.get<Paged<LedgerRow>>('/tasks', { light, pageSize: 1 }).then((r) => r.total))),
    'warning-counts',
  );
  if (counts.error) return null;
  const n = counts.data;
  return (
    <div className="ls-wb-lights" data-testid="workbench-lights" title={t('light.countsTitle')}>
      <span className="ls-wb-lights-label">{t('light.counts')}</span>
      {!n ? (
        <Spin size="small" />
      ) : (
        WARNED.map((light, i) => (
          <Link key={light} to={`/tasks?light=${light}`} className="ls-wb-light" data-testid={`light-count-${light}`}>
            <LightDot light={light} />
            {t(`light.${light}`)}
            <strong className={n[i] ? `ls-light-n-${light}` : 'ls-light-n-zero'}>{n[i]}</strong>
          </Link>
        ))
      )}
    </div>
  );
}
