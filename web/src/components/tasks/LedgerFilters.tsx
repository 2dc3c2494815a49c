import { Button, DatePicker, Input, Select, Space, Switch, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIGHTS, type LedgerSort, type Light } from '../../api/taskTypes';
import { UnitTreeSelect } from '../UnitTreeSelect';
import type { FilterKey, LedgerView } from './ledgerQuery';
import { SORTS } from './ledgerQuery';
import { LIGHT_COLORS, LightDot } from './LightTag';
import { leaderLabel, useLeaders, useSources, useUnits } from './useTaskRefs';
import { useTaskLabels } from './useTaskLabels';

interface Props {
  view: LedgerView;
  /** Changes some filters (undefined clears one); the page goes back to 1. */
  onFilter: (patch: Partial<Record<FilterKey, string | undefined>>) => void;
  onSort: (sort: LedgerSort) => void;
  onClear: () => void;
}

const SORT_LABELS: Record<LedgerSort, string> = {
  deadline: 'ledger.sortDeadline',
  '-deadline': 'ledger.sortDeadlineDesc',
  number: 'ledger.sortNumber',
  '-number': 'ledger.sortNumberDesc',
  updatedAt: 'ledger.sortUpdatedAsc',
  '-updatedAt': 'ledger.sortUpdated',
  percent: 'ledger.sortPercent',
  '-percent': 'ledger.sortPercentDesc',
};

export function LedgerFilters({ view, onFilter, onSort, onClear }: Props) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const f = view.filters;
  const sources = useSources();
  const leaders = useLeaders();
  const units = useUnits();
  const [q, setQ] = useState(f.q ?? '');
  useEffect(() => setQ(f.q ?? ''), [f.q]);

  const sourceOptions = (sources.data ?? [])
    .filter((s) => !f.sourceKind || s.kind === f.sourceKind)
    .map((s) => ({ value: s.id, label: s.title }));
  const status = f.status ? f.status.split(',') : [];
  const light = f.light ? f.light.split(',') : [];
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] = [f.deadlineFrom ? dayjs(f.deadlineFrom) : null, f.deadlineTo ? dayjs(f.deadlineTo) : null];
  const any = Object.keys(f).length > 0;

  return (
    <div className="ls-filters" data-testid="ledger-filters">
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => onFilter({ q: v.trim() || undefined })}
        placeholder={t('ledger.search')}
        style={{ width: 240 }}
        data-testid="ledger-search"
      />
      <Select
        allowClear
        placeholder={t('ledger.sourceKind')}
        value={f.sourceKind}
        options={labels.sourceKindOptions}
        onChange={(v?: string) => onFilter({ sourceKind: v, sourceId: undefined })}
        style={{ width: 140 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('ledger.source')}
        value={f.sourceId}
        loading={sources.loading}
        options={sourceOptions}
        onChange={(v?: string) => onFilter({ sourceId: v })}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('ledger.leader')}
        value={f.leaderId}
        loading={leaders.loading}
        options={(leaders.data ?? []).map((l) => ({ value: l.personId, label: leaderLabel(l) }))}
        onChange={(v?: string) => onFilter({ leaderId: v })}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
      />
      <UnitTreeSelect
        units={units.data ?? []}
        loading={units.loading}
        value={f.leadUnitId}
        onChange={(v) => onFilter({ leadUnitId: (v as string | undefined) || undefined })}
        placeholder={t('ledger.leadUnit')}
        style={{ width: 200 }}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('ledger.status')}
        value={status}
        options={labels.statusOptions}
        onChange={(v: string[]) => onFilter({ status: v.length ? v.join(',') : undefined })}
        style={{ width: 240 }}
        data-testid="ledger-status"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('light.filter')}
        value={light}
        options={LIGHTS.map((l) => ({ value: l, label: t(`light.${l}`) }))}
        optionRender={(o) => (
          <>
            <LightDot light={o.value as Light} />
            {o.label}
          </>
        )}
        tagRender={({ value, label, closable, onClose }) => (
          <Tag
            color={LIGHT_COLORS[value as Light]}
            closable={closable}
            onClose={onClose}
            onMouseDown={(e) => e.preventDefault()}
            style={{ marginInlineEnd: 4 }}
          >
            {label}
          </Tag>
        )}
        onChange={(v: string[]) => onFilter({ light: v.length ? LIGHTS.filter((l) => v.includes(l)).join(',') : undefined })}
        style={{ width: 200 }}
        data-testid="ledger-light-filter"
      />
      <DatePicker.RangePicker
        value={range}
        allowEmpty={[true, true]}
        placeholder={[t('ledger.deadlineFrom'), t('ledger.deadlineTo')]}
        onChange={(v) =>
          onFilter({ deadlineFrom: v?.[0]?.format('YYYY-MM-DD') ?? undefined, deadlineTo: v?.[1]?.format('YYYY-MM-DD') ?? undefined })
        }
        style={{ width: 250 }}
      />
      <Space size={6}>
        <Switch size="small" checked={f.overdue === 'true'} onChange={(on) => onFilter({ overdue: on ? 'true' : undefined })} data-testid="ledger-overdue" />
        <span>{t('ledger.overdueOnly')}</span>
      </Space>
      <Select
        value={view.sort}
        onChange={onSort}
        options={SORTS.map((s) => ({ value: s, label: t(SORT_LABELS[s]) }))}
        style={{ width: 220 }}
        prefix={<span style={{ color: '#888' }}>{t('ledger.sort')}</span>}
        popupMatchSelectWidth={false}
      />
      {f.unitId && (
        <Tag closable onClose={() => onFilter({ unitId: undefined })} color="blue">
          {t('ledger.unitFilter')}
        </Tag>
      )}
      {f.parentId && (
        <Tag closable onClose={() => onFilter({ parentId: undefined })} color="blue">
          {t('ledger.parentFilter')}
        </Tag>
      )}
      {any && (
        <Button type="link" onClick={onClear} style={{ paddingInline: 4 }}>
          {t('ledger.clear')}
        </Button>
      )}
    </div>
  );
}
