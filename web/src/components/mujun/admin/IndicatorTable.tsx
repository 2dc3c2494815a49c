import { Button, Checkbox, Input, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HEROES } from '../../../api/mujunTypes';
import {
  BENCHMARK_METHODS,
  type MissingPolicy,
  type SchemeBenchmark,
  type SchemeIndicator,
  type SchemeScoring,
} from '../../../api/mujunAdminTypes';
import { ProblemText, RowActions, mono, num, pre, useEditor } from './editorContext';
import { blankIndicator, compact, move } from './schemeModel';

export const HERO_COLORS: Record<string, string> = { mujun: 'red', ditan: 'green', keji: 'blue', renjun: 'gold' };

/** One group's indicators as an editable table: every field of spec §2.2–§2.4 in one row. */
export function IndicatorTable({
  indicators,
  base,
  onChange,
}: {
  indicators: SchemeIndicator[];
  /** e.g. groups[0] */
  base: string;
  onChange: (next: SchemeIndicator[]) => void;
}) {
  const { t } = useTranslation();
  const { status, inside } = useEditor();
  const set = (i: number, patch: Partial<SchemeIndicator>) =>
    onChange(indicators.map((x, k) => (k === i ? compact({ ...x, ...patch }) : x)));
  const setBench = (i: number, patch: Partial<SchemeBenchmark> | null) => {
    const cur = indicators[i]!.benchmark;
    set(i, {
      benchmark: patch === null ? undefined : compact<SchemeBenchmark>({ ...(cur ?? { method: 'aggregate' }), ...patch }),
    });
  };
  const setScoring = (i: number, patch: Partial<SchemeScoring>) =>
    set(i, { scoring: compact({ ...indicators[i]!.scoring, ...patch }) });
  const p = (i: number, rest: string) => `${base}.indicators[${i}].${rest}`;

  const totalWeight = indicators.reduce((s, x) => s + (Number(x.weight) || 0), 0);
  const heroWeights = HEROES.map(
    (h) => [h, indicators.filter((x) => x.hero === h).reduce((s, x) => s + (Number(x.weight) || 0), 0)] as const,
  );

  return (
    <Table<SchemeIndicator & { k: number }>
      size="small"
      rowKey="k"
      bordered
      pagination={false}
      scroll={{ x: 1150 }}
      dataSource={indicators.map((x, k) => ({ ...x, k }))}
      rowClassName={(r) => (inside(`${base}.indicators[${r.k}]`) ? 'ls-mj-row-error' : '')}
      onRow={(r) => ({ id: `mj-${base}-ind-${r.k}` })}
      data-testid={`mujun-indicators-${base}`}
      footer={() => (
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => onChange([...indicators, blankIndicator(indicators.map((x) => x.id))])}
            data-testid={`mujun-add-indicator-${base}`}
          >
            {t('mujunAdmin.schemes.addIndicator')}
          </Button>
          <Space size={4} wrap>
            <Typography.Text strong>{t('mujunAdmin.schemes.weightTotal', { total: +totalWeight.toFixed(4) })}</Typography.Text>
            {heroWeights.map(([h, w]) => (
              <Tag key={h} color={HERO_COLORS[h]}>
                {t('mujunAdmin.schemes.heroTotal', { hero: t(`mujunAdmin.hero.${h}`), total: +w.toFixed(4) })}
              </Tag>
            ))}
          </Space>
        </div>
      )}
      columns={[
        { title: '#', key: 'n', width: 40, fixed: 'left', render: (_, r) => r.k + 1 },
        {
          title: `${t('mujunAdmin.schemes.ind.name')} / ${t('mujunAdmin.schemes.ind.id')}`,
          key: 'name',
          width: 170,
          fixed: 'left',
          render: (_, r) => (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Input
                size="small"
                value={r.name ?? ''}
                status={status(p(r.k, 'name'))}
                placeholder={r.id || t('mujunAdmin.schemes.ind.name')}
                onChange={(e) => set(r.k, { name: e.target.value })}
                data-testid="mujun-ind-name"
              />
              <Input
                size="small"
                value={r.id}
                status={status(p(r.k, 'id'))}
                prefix={pre('id')}
                style={mono}
                onChange={(e) => set(r.k, { id: e.target.value })}
              />
              <ProblemText path={p(r.k, 'name')} />
              <ProblemText path={p(r.k, 'id')} />
            </Space>
          ),
        },
        {
          title: `${t('mujunAdmin.schemes.ind.hero')} / ${t('mujunAdmin.schemes.ind.unit')}`,
          key: 'hero',
          width: 110,
          render: (_, r) => (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Select
                size="small"
                value={r.hero}
                status={status(p(r.k, 'hero'))}
                style={{ width: '100%' }}
                options={HEROES.map((h) => ({
                  value: h,
                  label: <Tag color={HERO_COLORS[h]}>{t(`mujunAdmin.hero.${h}`)}</Tag>,
                }))}
                onChange={(v) => set(r.k, { hero: v })}
              />
              <ProblemText path={p(r.k, 'hero')} />
              <Input
                size="small"
                value={r.unit ?? ''}
                placeholder={t('mujunAdmin.schemes.ind.unit')}
                onChange={(e) => set(r.k, { unit: e.target.value })}
              />
            </Space>
          ),
        },
        {
          title: t('mujunAdmin.schemes.ind.formula'),
          key: 'formula',
          width: 215,
          render: (_, r) => (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Input
                size="small"
                value={r.numerator}
                status={status(p(r.k, 'numerator'))}
                style={mono}
                placeholder={t('mujunAdmin.schemes.ind.numerator')}
                prefix={pre(t('mujunAdmin.schemes.ind.numerator'))}
                onChange={(e) => set(r.k, { numerator: e.target.value })}
                data-testid="mujun-ind-numerator"
              />
              <ProblemText path={p(r.k, 'numerator')} />
              <Input
                size="small"
                value={r.denominator ?? ''}
                status={status(p(r.k, 'denominator'))}
                style={mono}
                placeholder={t('mujunAdmin.schemes.ind.denominator')}
                prefix={pre('÷')}
                onChange={(e) => set(r.k, { denominator: e.target.value })}
                data-testid="mujun-ind-denominator"
              />
              <ProblemText path={p(r.k, 'denominator')} />
            </Space>
          ),
        },
        {
          title: `${t('mujunAdmin.schemes.ind.direction')} / ${t('mujunAdmin.schemes.ind.weight')}`,
          key: 'direction',
          width: 124,
          render: (_, r) => (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Select
                size="small"
                value={r.direction}
                style={{ width: '100%' }}
                options={(['higher', 'lower'] as const).map((d) => ({ value: d, label: t(`mujunAdmin.schemes.direction.${d}`) }))}
                onChange={(v) => set(r.k, { direction: v })}
              />
              <InputNumber
                size="small"
                value={r.weight}
                min={0}
                status={status(p(r.k, 'weight'))}
                prefix={pre(t('mujunAdmin.schemes.ind.weight'))}
                style={{ width: '100%' }}
                onChange={(v) => set(r.k, { weight: num(v) as number })}
                data-testid="mujun-ind-weight"
              />
              <ProblemText path={p(r.k, 'weight')} />
            </Space>
          ),
        },
        {
          title: t('mujunAdmin.schemes.ind.benchmark'),
          key: 'benchmark',
          width: 215,
          render: (_, r) => {
            const b = r.benchmark;
            return (
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Select
                  size="small"
                  value={b?.method ?? '_none'}
                  status={status(p(r.k, 'benchmark')) ?? status(p(r.k, 'benchmark.method'))}
                  style={{ width: '100%' }}
                  options={[
                    ...BENCHMARK_METHODS.map((m) => ({ value: m, label: t(`mujunAdmin.schemes.benchmarkMethod.${m}`) })),
                    { value: '_none', label: t('mujunAdmin.schemes.noBenchmark') },
                  ]}
                  onChange={(v: string) =>
                    setBench(
                      r.k,
                      v === '_none'
                        ? null
                        : {
                            method: v as SchemeBenchmark['method'],
                            ...(v === 'fixed' ? {} : { value: undefined }),
                            ...(v === 'percentile' ? {} : { p: undefined }),
                          },
                    )
                  }
                  data-testid="mujun-ind-benchmark"
                />
                {b?.method === 'fixed' && (
                  <InputNumber
                    size="small"
                    value={b.value}
                    status={status(p(r.k, 'benchmark.value'))}
                    prefix={pre(t('mujunAdmin.schemes.benchmarkValue'))}
                    style={{ width: '100%' }}
                    onChange={(v) => setBench(r.k, { value: num(v) })}
                  />
                )}
                {b?.method === 'percentile' && (
                  <InputNumber
                    size="small"
                    value={b.p}
                    min={0}
                    max={100}
                    status={status(p(r.k, 'benchmark.p'))}
                    prefix={pre(t('mujunAdmin.schemes.benchmarkP'))}
                    style={{ width: '100%' }}
                    onChange={(v) => setBench(r.k, { p: num(v) })}
                  />
                )}
                {b && b.method !== 'fixed' && (
                  <>
                    <InputNumber
                      size="small"
                      value={b.multiplier}
                      placeholder="1"
                      step={0.1}
                      prefix={pre(t('mujunAdmin.schemes.multiplier'))}
                      style={{ width: '100%' }}
                      onChange={(v) => setBench(r.k, { multiplier: num(v) })}
                    />
                    <Space size={6} wrap>
                      <Checkbox
                        checked={b.by === 'industry'}
                        onChange={(e) =>
                          setBench(r.k, {
                            by: e.target.checked ? 'industry' : undefined,
                            ...(e.target.checked ? {} : { minCount: undefined }),
                          })
                        }
                      >
                        {t('mujunAdmin.schemes.byIndustry')}
                      </Checkbox>
                      {b.by === 'industry' && (
                        <Tooltip title={t('mujunAdmin.schemes.minCount')}>
                          <InputNumber
                            size="small"
                            value={b.minCount}
                            min={1}
                            precision={0}
                            placeholder="5"
                            prefix={pre('≥')}
                            style={{ width: 96 }}
                            status={status(p(r.k, 'benchmark.minCount'))}
                            onChange={(v) => setBench(r.k, { minCount: num(v) })}
                          />
                        </Tooltip>
                      )}
                    </Space>
                  </>
                )}
                <ProblemText path={p(r.k, 'benchmark')} />
                <ProblemText path={p(r.k, 'benchmark.method')} />
                <ProblemText path={p(r.k, 'benchmark.value')} />
                <ProblemText path={p(r.k, 'benchmark.p')} />
                <ProblemText path={p(r.k, 'benchmark.minCount')} />
              </Space>
            );
          },
        },
        {
          title: `${t('mujunAdmin.schemes.ind.scoring')} / ${t('mujunAdmin.schemes.ind.missing')}`,
          key: 'scoring',
          width: 180,
          render: (_, r) => (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Select
                size="small"
                value={r.scoring?.method}
                status={status(p(r.k, 'scoring.method'))}
                style={{ width: '100%' }}
                options={(['ratio', 'minmax'] as const).map((m) => ({
                  value: m,
                  label: t(`mujunAdmin.schemes.scoringMethod.${m}`),
                }))}
                onChange={(v) => setScoring(r.k, v === 'ratio' ? { method: v, floor: undefined } : { method: v, cap: undefined })}
              />
              {r.scoring?.method === 'ratio' ? (
                <InputNumber
                  size="small"
                  value={r.scoring.cap}
                  min={0}
                  step={0.5}
                  placeholder={t('mujunAdmin.schemes.noCap')}
                  prefix={pre(t('mujunAdmin.schemes.cap'))}
                  style={{ width: '100%' }}
                  onChange={(v) => setScoring(r.k, { cap: num(v) })}
                />
              ) : (
                <InputNumber
                  size="small"
                  value={r.scoring?.floor}
                  min={0}
                  max={1}
                  step={0.05}
                  placeholder="0.2"
                  status={status(p(r.k, 'scoring.floor'))}
                  prefix={pre(t('mujunAdmin.schemes.floor'))}
                  style={{ width: '100%' }}
                  onChange={(v) => setScoring(r.k, { floor: num(v) })}
                />
              )}
              <ProblemText path={p(r.k, 'scoring.method')} />
              <ProblemText path={p(r.k, 'scoring.floor')} />
              <Tooltip title={t('mujunAdmin.schemes.ind.missing')} placement="left">
                <Select
                  size="small"
                  value={r.missing ?? 'zero'}
                  prefix={pre(t('mujunAdmin.schemes.missingShort'))}
                  style={{ width: '100%' }}
                  options={(['zero', 'mean', 'exclude'] as const).map((m) => ({
                    value: m,
                    label: t(`mujunAdmin.schemes.missingPolicy.${m}`),
                  }))}
                  onChange={(v: MissingPolicy) => set(r.k, { missing: v === 'zero' && r.missing === undefined ? undefined : v })}
                />
              </Tooltip>
            </Space>
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 100,
          fixed: 'right',
          render: (_, r) => (
            <RowActions
              k={r.k}
              n={indicators.length}
              onMove={(to) => onChange(move(indicators, r.k, to))}
              onRemove={() => onChange(indicators.filter((_, k) => k !== r.k))}
              removeTestId="mujun-ind-remove"
            />
          ),
        },
      ]}
    />
  );
}
