import { Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  MujunSchemeDetail,
  SchemeBenchmark,
  SchemeGroup,
  SchemeIndicator,
  SchemeScoring,
} from '../../../api/mujunAdminTypes';
import { formatTime } from '../../format';
import { HERO_COLORS } from './IndicatorTable';
import { canonicalScheme } from './schemeModel';

/** An expression as an operand of ÷: in parentheses when it has an operator of its own. */
const paren = (e: string) => (/[-+*/\s]/.test(e.trim()) ? `(${e.trim()})` : e.trim());

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 };

export function useSchemeTexts() {
  const { t } = useTranslation();
  const benchmark = (b: SchemeBenchmark | undefined): string => {
    if (!b) return t('mujunAdmin.schemes.noBenchmark');
    const parts = [t(`mujunAdmin.schemes.benchmarkMethod.${b.method}`)];
    if (b.method === 'fixed' && b.value !== undefined) parts[0] += ` ${b.value}`;
    if (b.method === 'percentile' && b.p !== undefined) parts[0] = `P${b.p}`;
    if (b.multiplier !== undefined && b.multiplier !== 1) parts.push(`× ${b.multiplier}`);
    if (b.by === 'industry') parts.push(`${t('mujunAdmin.schemes.byIndustry')}（≥ ${b.minCount ?? 5}）`);
    return parts.join('，');
  };
  const scoring = (s: SchemeScoring | undefined): string => {
    if (!s) return '';
    const m = t(`mujunAdmin.schemes.scoringMethod.${s.method}`);
    if (s.method === 'ratio')
      return s.cap !== undefined ? `${m}，${t('mujunAdmin.schemes.cap')} ${s.cap}` : `${m}，${t('mujunAdmin.schemes.noCap')}`;
    return `${m}，${t('mujunAdmin.schemes.floor')} ${s.floor ?? 0.2}`;
  };
  const classes = (g: SchemeGroup): string =>
    g.classes.method === 'percentile'
      ? g.classes.bands
          .map(([c, share]) => t('mujunAdmin.schemes.bandsPercentile', { cls: c, share: +(share * 100).toFixed(4) }))
          .join('；')
      : g.classes.bands
          .map(([c, min]) =>
            min === null
              ? t('mujunAdmin.schemes.bandsRest', { cls: c })
              : t('mujunAdmin.schemes.bandsThreshold', { cls: c, min }),
          )
          .join('；');
  return { benchmark, scoring, classes };
}

function GroupView({ group, index }: { group: SchemeGroup; index: number }) {
  const { t } = useTranslation();
  const texts = useSchemeTexts();
  const weight = group.indicators.reduce((s, i) => s + (i.weight || 0), 0);
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={
        <span>
          {t('mujunAdmin.schemes.group', { n: index + 1 })}
          <Typography.Text style={{ marginLeft: 8, fontWeight: 400 }}>{group.name}</Typography.Text>
          <Typography.Text code style={{ marginLeft: 8, fontWeight: 400 }}>
            {group.id}
          </Typography.Text>
        </span>
      }
      extra={
        <Typography.Text type="secondary">
          {t('mujunAdmin.schemes.viewGroupSummary', { count: group.indicators.length, weight })}
        </Typography.Text>
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'filter',
            label: t('mujunAdmin.schemes.filter'),
            children: <Typography.Text code>{group.filter}</Typography.Text>,
          },
          {
            key: 'classes',
            label: t('mujunAdmin.schemes.classes'),
            children: `${t(`mujunAdmin.schemes.classMethod.${group.classes.method}`)}：${texts.classes(group)}`,
          },
          ...(group.adjustments?.length
            ? [
                {
                  key: 'adj',
                  label: t('mujunAdmin.schemes.adjustments'),
                  children: (
                    <Space orientation="vertical" size={0}>
                      {group.adjustments.map((a) => (
                        <span key={a.id}>
                          {a.name}
                          <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                            {'flag' in a
                              ? `${t('mujunAdmin.schemes.adj.flag')} ${a.flag}：${a.points > 0 ? '+' : ''}${a.points}`
                              : `${a.field} ${t('mujunAdmin.schemes.adj.beyond')} ${a.beyond ?? 0}：${t('mujunAdmin.schemes.adj.per')} ${a.per}`}
                          </Typography.Text>
                        </span>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
          ...(group.vetoes?.length
            ? [
                {
                  key: 'veto',
                  label: t('mujunAdmin.schemes.vetoes'),
                  children: (
                    <Space orientation="vertical" size={0}>
                      {group.vetoes.map((v) => (
                        <span key={v.id}>
                          {v.name}
                          <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                            {`${t('mujunAdmin.schemes.adj.flag')} ${v.flag} → ${v.class}`}
                          </Typography.Text>
                        </span>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Table<SchemeIndicator>
        size="small"
        rowKey="id"
        pagination={false}
        style={{ marginTop: 8 }}
        scroll={{ x: 1100 }}
        dataSource={group.indicators}
        columns={[
          {
            title: t('mujunAdmin.schemes.ind.name'),
            dataIndex: 'name',
            width: 180,
            render: (v: string, i) => (
              <span>
                {v}
                <div>
                  <Typography.Text type="secondary" style={mono}>
                    {i.id}
                  </Typography.Text>
                </div>
              </span>
            ),
          },
          {
            title: t('mujunAdmin.schemes.ind.hero'),
            dataIndex: 'hero',
            width: 70,
            render: (h: string) => <Tag color={HERO_COLORS[h]}>{t(`mujunAdmin.hero.${h as 'mujun'}`)}</Tag>,
          },
          {
            title: t('mujunAdmin.schemes.ind.formula'),
            key: 'f',
            render: (_, i) => (
              <Typography.Text style={mono}>
                {i.denominator ? `${paren(i.numerator)} / ${paren(i.denominator)}` : i.numerator}
              </Typography.Text>
            ),
          },
          { title: t('mujunAdmin.schemes.ind.unit'), dataIndex: 'unit', width: 110 },
          {
            title: t('mujunAdmin.schemes.ind.direction'),
            dataIndex: 'direction',
            width: 90,
            render: (d: 'higher' | 'lower') => t(`mujunAdmin.schemes.direction.${d}`),
          },
          { title: t('mujunAdmin.schemes.ind.weight'), dataIndex: 'weight', width: 60, align: 'right' },
          { title: t('mujunAdmin.schemes.ind.benchmark'), key: 'b', width: 220, render: (_, i) => texts.benchmark(i.benchmark) },
          { title: t('mujunAdmin.schemes.ind.scoring'), key: 's', width: 150, render: (_, i) => texts.scoring(i.scoring) },
          {
            title: t('mujunAdmin.schemes.ind.missing'),
            dataIndex: 'missing',
            width: 130,
            render: (m: 'zero' | 'mean' | 'exclude' | undefined) => t(`mujunAdmin.schemes.missingPolicy.${m ?? 'zero'}`),
          },
        ]}
      />
    </Card>
  );
}

/** A stored version, read only: its facts, each group, and the JSON exactly as stored. */
export function SchemeView({ scheme }: { scheme: MujunSchemeDetail }) {
  const { t } = useTranslation();
  const b = scheme.body;
  return (
    <Tabs
      items={[
        {
          key: 'form',
          label: t('mujunAdmin.schemes.form'),
          children: (
            <>
              <Card size="small">
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 2, xl: 3 }}
                  items={[
                    {
                      key: 'code',
                      label: t('mujunAdmin.schemes.code'),
                      children: <Typography.Text code>{scheme.code}</Typography.Text>,
                    },
                    {
                      key: 'version',
                      label: t('mujunAdmin.schemes.version'),
                      children: t('mujunAdmin.schemes.versionValue', { version: scheme.version }),
                    },
                    { key: 'year', label: t('mujunAdmin.schemes.schemeYear'), children: b.year },
                    { key: 'name', label: t('mujunAdmin.schemes.schemeName'), children: b.name, span: 'filled' },
                    { key: 'note', label: t('mujunAdmin.schemes.note'), children: scheme.note || '—', span: 'filled' },
                    { key: 'by', label: t('mujunAdmin.schemes.by'), children: scheme.createdByName },
                    { key: 'at', label: t('mujunAdmin.schemes.at'), children: formatTime(scheme.createdAt) },
                    {
                      key: 'exempt',
                      label: t('mujunAdmin.schemes.exempt'),
                      children: b.exempt ? `${b.exempt.flag} → ${b.exempt.class}` : t('mujunAdmin.schemes.off'),
                    },
                    {
                      key: 'tenants',
                      label: t('mujunAdmin.schemes.tenants'),
                      children: b.tenantsTakeLandlordClass ? t('mujunAdmin.schemes.on') : t('mujunAdmin.schemes.off'),
                    },
                  ]}
                />
              </Card>
              {b.groups.map((g, i) => (
                <GroupView key={`${g.id}-${i}`} group={g} index={i} />
              ))}
            </>
          ),
        },
        {
          key: 'json',
          label: t('mujunAdmin.schemes.json'),
          children: (
            <pre className="ls-json" style={{ maxHeight: 'calc(100vh - 260px)' }} data-testid="mujun-scheme-json-view">
              {JSON.stringify(canonicalScheme(b), null, 2)}
            </pre>
          ),
        },
      ]}
    />
  );
}
