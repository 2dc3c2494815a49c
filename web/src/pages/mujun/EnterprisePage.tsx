// 企业画像 / 亩均效益体检报告: one enterprise in one run, laid out to print (the app shell is hidden on paper).
import { Button, Card, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, AuditOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { EnterpriseReport, MujunMeta, RunDetail, RunIndicator, TrendPoint, Uplift } from '../../api/mujunTypes';
import type { MujunSchemeDetail } from '../../api/mujunAdminTypes';
import { useAuth } from '../../auth/AuthContext';
import { isEnterpriseOnly } from '../../auth/enterpriseOnly';
import { FullPageSpin, LoadError, NotFoundResult } from '../../components/Results';
import { AppealModal } from '../../components/mujun/results/AppealModal';
import { ClassTag, classHex, fmt } from '../../components/mujun/results/classes';
import { HeroRadar, TrendChart } from '../../components/mujun/results/ReportCharts';
import { usePdfDownload } from '../../components/mujun/results/usePdfDownload';
import { fieldLabel, useMujunMeta } from '../../components/mujun/results/useMujun';
import '../../components/mujun/results/report.css';

/** The input fields an expression names (identifiers that are input field keys). */
function fieldsIn(expr: string | undefined, keys: Set<string>): string[] {
  return (expr ?? '').match(/[A-Za-z_][A-Za-z0-9_]*/g)?.filter((w) => keys.has(w)) ?? [];
}

/** The scheme the run used (for the names of adjustments and vetoes, and the fields an appeal may name); optional. */
async function loadScheme(runId: string): Promise<MujunSchemeDetail | null> {
  try {
    const run = await api.get<RunDetail>(`/mujun/runs/${runId}`);
    return await api.get<MujunSchemeDetail>(`/mujun/schemes/${run.schemeId}`);
  } catch {
    return null;
  }
}

function Figure({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div>
      <div className="mj-fig-label">{label}</div>
      <div className="mj-fig-value" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

function UpliftSection({ r }: { r: EnterpriseReport }) {
  const { t } = useTranslation();
  const u = r.uplift;
  if (!u) return null;
  const line = (x: Uplift) => {
    const unit = x.unit ?? '';
    if (!x.possible)
      return (
        <li key={x.indicatorId} className="mj-impossible" data-testid={`mujun-uplift-${x.indicatorId}`} data-possible="0">
          <Space size={8} wrap>
            <strong>{x.name}</strong>
            <span>
              {fmt(x.current)} {unit}
            </span>
            <Tag>{t('mujun.report.upliftImpossible')}</Tag>
            <span style={{ fontSize: 12 }}>{x.reason}</span>
          </Space>
        </li>
      );
    const up = x.delta === null || x.delta >= 0;
    const text = t(up ? 'mujun.report.upliftLine' : 'mujun.report.upliftLineDown', {
      name: x.name,
      delta: x.delta === null ? fmt(x.target) : fmt(Math.abs(x.delta), 4),
      unit,
      next: u.nextClass,
    });
    return (
      <li key={x.indicatorId} data-testid={`mujun-uplift-${x.indicatorId}`} data-possible="1">
        <Space size={8} wrap>
          <strong style={{ color: '#1f1f1f' }}>{text}</strong>
          <Typography.Text type="secondary">
            （{t('mujun.report.upliftTarget', { cur: fmt(x.current, 4), target: fmt(x.target, 4) })} {unit}）
          </Typography.Text>
        </Space>
      </li>
    );
  };
  const sorted = [...u.items].sort((a, b) => Number(b.possible) - Number(a.possible));
  return (
    <div className="mj-section mj-uplift" data-testid="mujun-uplift">
      <div className="mj-section-title">{t('mujun.report.uplift')}</div>
      {u.note ? (
        <Typography.Paragraph type="secondary" data-testid="mujun-uplift-note">
          {u.note}
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>
            {t('mujun.report.upliftIntro', { cur: u.currentClass, pts: fmt(u.neededPoints, 4), next: u.nextClass })}
          </Typography.Paragraph>
          <ul>{sorted.map(line)}</ul>
        </>
      )}
    </div>
  );
}

function TrendSection({ points, current, uscc }: { points: TrendPoint[]; current: string; uscc: string }) {
  const { t } = useTranslation();
  if (!points.length) return null;
  const cols: TableColumnsType<TrendPoint> = [
    {
      title: t('mujun.report.trendYear'),
      dataIndex: 'year',
      render: (v: number, p) =>
        p.runId === current ? <strong>{v}</strong> : <Link to={`/mujun/runs/${p.runId}/enterprises/${uscc}`}>{v}</Link>,
    },
    { title: t('mujun.col.total'), dataIndex: 'total', align: 'right', render: (v: number | null) => fmt(v) },
    {
      title: t('mujun.col.rank'),
      key: 'rank',
      align: 'right',
      render: (_: unknown, p) => (p.rank === null ? '—' : `${p.rank} / ${p.n ?? '—'}`),
    },
    { title: t('mujun.col.class'), dataIndex: 'class', align: 'center', render: (v: string | null) => <ClassTag value={v} /> },
  ];
  return (
    <div className="mj-section" data-testid="mujun-trend">
      <div className="mj-section-title">{t('mujun.report.trend')}</div>
      <Row gutter={16}>
        {points.length > 1 && (
          <Col xs={24} md={12}>
            <TrendChart points={points} />
          </Col>
        )}
        <Col xs={24} md={points.length > 1 ? 12 : 24}>
          <Table<TrendPoint>
            rowKey="runId"
            size="small"
            pagination={false}
            columns={cols}
            dataSource={[...points].sort((a, b) => b.year - a.year)}
          />
        </Col>
      </Row>
    </div>
  );
}

function Report({ r, meta, scheme }: { r: EnterpriseReport; meta: MujunMeta | undefined; scheme: MujunSchemeDetail | null }) {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const [appealing, setAppealing] = useState(false);
  const pdfDownload = usePdfDownload();
  const res = r.result;
  const schemeGroup = scheme?.body.groups.find((g) => g.id === (r.group?.id ?? res.group));
  // the server names them (the id where the scheme does not); the scheme body is the fallback
  const adjName = (id: string) =>
    res.adjustments.find((a) => a.id === id)?.name ?? schemeGroup?.adjustments?.find((a) => a.id === id)?.name ?? id;
  const vetoName = (id: string) =>
    res.vetoDetails.find((a) => a.id === id)?.name ?? schemeGroup?.vetoes?.find((a) => a.id === id)?.name ?? id;

  // the fields an appeal may name: those the group's indicators use, else every numeric input field
  const appealFields = useMemo(() => {
    const all = (meta?.fields ?? []).filter((f) => f.key !== 'uscc' && f.key !== 'name');
    const keys = new Set(all.map((f) => f.key));
    const used = new Set(
      schemeGroup?.indicators.flatMap((i) => [...fieldsIn(i.numerator, keys), ...fieldsIn(i.denominator, keys)]) ?? [],
    );
    const pick = used.size
      ? all.filter((f) => used.has(f.key) || f.key === 'flags')
      : all.filter((f) => f.type !== 'text' && f.type !== 'uscc');
    return pick.map((f) => ({ key: f.key, label: fieldLabel(meta, f.key) }));
  }, [meta, schemeGroup]);

  const pdf = () =>
    void pdfDownload.run(
      'one',
      `/mujun/runs/${r.run.id}/enterprises/${res.uscc}/report.pdf`,
      undefined,
      `亩均效益体检报告-${res.name}-${r.run.year}.pdf`,
    );

  const indicators: (RunIndicator & { key: string })[] = (r.group?.indicators ?? []).map((i) => ({ ...i, key: i.id }));
  const indCols: TableColumnsType<RunIndicator & { key: string }> = [
    { title: t('mujun.report.indicator'), dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
    { title: t('mujun.report.hero'), dataIndex: 'hero', width: 96, render: (v: string) => t(`mujun.hero.${v}`) },
    {
      title: t('mujun.report.value'),
      key: 'value',
      align: 'right',
      width: 120,
      render: (_: unknown, i) => {
        const v = res.indicators[i.id]?.value ?? null;
        return v === null ? <Typography.Text type="warning">{t('mujun.report.missing')}</Typography.Text> : fmt(v, 4);
      },
    },
    { title: t('mujun.report.unit'), dataIndex: 'unit', width: 110, render: (v: string | null | undefined) => v ?? '' },
    {
      title: t('mujun.report.benchmark'),
      key: 'benchmark',
      align: 'right',
      width: 110,
      render: (_: unknown, i) => fmt(res.indicators[i.id]?.benchmark ?? i.benchmark ?? null, 4),
    },
    {
      title: t('mujun.report.score'),
      key: 'score',
      align: 'right',
      width: 120,
      render: (_: unknown, i) => {
        const s = res.indicators[i.id]?.score ?? null;
        const color = s === null ? undefined : s >= i.weight ? '#389e0d' : s < i.weight / 2 ? '#cf1322' : undefined;
        return (
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>
            <strong style={{ color }}>{fmt(s)}</strong> / {i.weight}
          </span>
        );
      },
    },
  ];

  const input = r.input ?? {};
  const scale = res.scale ?? input.scale;
  const land = input.land_mu;
  const basics: [string, React.ReactNode][] = [
    [t('mujun.col.uscc'), res.uscc],
    [t('mujun.col.town'), res.town ?? input.town ?? '—'],
    [t('mujun.col.industry'), res.industry ?? input.industry ?? '—'],
    [t('mujun.col.scale'), scale === 'above' || scale === 'below' ? t(`mujun.scale.${scale}`) : (scale ?? '—')],
    [t('mujun.col.landMu'), typeof land === 'number' ? fmt(land) : (land ?? '—')],
  ];

  return (
    <div className="mj-report" data-testid="mujun-report">
      <div className="mj-no-print ls-page-head" style={{ marginBottom: 12 }}>
        {isEnterpriseOnly(me) ? (
          <span />
        ) : (
          <Link to={`/mujun?year=${r.run.year}&run=${r.run.id}`}>
            <ArrowLeftOutlined /> {t('mujun.report.back')}
          </Link>
        )}
        <Space wrap>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="mujun-print">
            {t('mujun.report.print')}
          </Button>
          <Button icon={<FilePdfOutlined />} loading={pdfDownload.busy === 'one'} onClick={pdf} data-testid="mujun-pdf">
            {t('mujun.report.pdf')}
          </Button>
          {can('mujun.appeal') && (
            <Button type="primary" icon={<AuditOutlined />} onClick={() => setAppealing(true)} data-testid="mujun-appeal">
              {t('mujun.report.appeal')}
            </Button>
          )}
        </Space>
      </div>
      <div className="mj-report-sheet">
        <div className="mj-report-head">
          <div
            className="mj-report-class"
            style={{ background: classHex(res.class) }}
            data-testid="mujun-report-class"
            data-class={res.class ?? ''}
          >
            <div className="mj-letter">{res.class ?? '—'}</div>
            <div className="mj-caption">{res.class ? t('mujun.classLabel', { c: res.class }) : t('mujun.report.noClass')}</div>
          </div>
          <div style={{ flex: 1, minWidth: 0 }}>
            <div className="mj-report-title">
              {t('mujun.report.title')} · {t('mujun.report.subtitle', { year: r.run.year, v: r.run.version })}
            </div>
            <div className="mj-report-name" data-testid="mujun-report-name">
              {res.name}
            </div>
            <Space size={[16, 4]} wrap style={{ color: '#595959', fontSize: 13 }}>
              {basics.map(([k, v]) => (
                <span key={k}>
                  {t('mujun.kv', { k })}
                  {v}
                </span>
              ))}
            </Space>
            <div className="mj-report-figures">
              <Figure
                label={t('mujun.report.class')}
                value={<ClassTag value={res.class} big testId="mujun-report-class-tag" />}
              />
              <Figure
                label={t('mujun.report.total')}
                value={res.total === null ? t(`mujun.status.${res.status}`) : fmt(res.total)}
                testId="mujun-report-total"
              />
              <Figure
                label={t('mujun.report.rank')}
                value={res.rank === null ? '—' : t('mujun.report.rankOf', { rank: res.rank, n: r.group?.n ?? '—' })}
                testId="mujun-report-rank"
              />
              <Figure label={t('mujun.report.group')} value={r.group?.name ?? '—'} testId="mujun-report-group" />
            </div>
          </div>
        </div>

        {res.status !== 'scored' && <Typography.Paragraph type="secondary">{t('mujun.report.notScored')}</Typography.Paragraph>}

        <Row gutter={24}>
          {r.radar && (
            <Col xs={24} lg={9}>
              <div className="mj-section">
                <div className="mj-section-title">{t('mujun.report.radar')}</div>
                <HeroRadar radar={r.radar} />
              </div>
            </Col>
          )}
          <Col xs={24} lg={r.radar ? 15 : 24}>
            <div className="mj-section" data-testid="mujun-indicators">
              <div className="mj-section-title">{t('mujun.report.indicators')}</div>
              <Table rowKey="key" size="small" pagination={false} columns={indCols} dataSource={indicators} />
            </div>
          </Col>
        </Row>

        <div className="mj-section" data-testid="mujun-adjustments">
          <div className="mj-section-title">{t('mujun.report.adjustments')}</div>
          {!res.adjustments.length && !res.vetoes.length ? (
            <Typography.Text type="secondary">{t('mujun.report.noAdjustments')}</Typography.Text>
          ) : (
            <Space orientation="vertical" size={4}>
              {res.adjustments.map((a) => (
                <span key={a.id}>
                  {a.name ?? adjName(a.id)}：
                  <Tag color={a.points >= 0 ? 'green' : 'red'}>
                    {a.points >= 0 ? '+' : ''}
                    {fmt(a.points)}
                  </Tag>
                </span>
              ))}
              {res.vetoes.map((v) => (
                <span key={v}>
                  <Tag color="red">{t('mujun.report.veto')}</Tag>
                  {vetoName(v)}
                </span>
              ))}
            </Space>
          )}
        </div>

        <UpliftSection r={r} />

        <TrendSection points={r.trend} current={r.run.id} uscc={res.uscc} />

        <div className="mj-section" data-testid="mujun-policies">
          <div className="mj-section-title">{t('mujun.report.policies', { c: res.class ?? '—' })}</div>
          {r.policies.length ? (
            <Table
              rowKey={(p) => `${p.category}-${p.measure}`}
              size="small"
              pagination={false}
              dataSource={r.policies}
              columns={[
                {
                  title: t('mujun.report.category'),
                  dataIndex: 'category',
                  width: 90,
                  render: (v: string) => <Tag>{t(`mujun.policyCategory.${v}`, { defaultValue: v })}</Tag>,
                },
                { title: t('mujun.report.measure'), dataIndex: 'measure' },
                {
                  title: t('mujun.report.department'),
                  dataIndex: 'department',
                  width: 180,
                  render: (v: string | null) => v ?? '',
                },
              ]}
            />
          ) : (
            <Typography.Text type="secondary">{t('mujun.report.policyNone')}</Typography.Text>
          )}
        </div>
      </div>
      {can('mujun.appeal') && (
        <AppealModal
          open={appealing}
          runId={r.run.id}
          uscc={res.uscc}
          fields={appealFields}
          input={input}
          onClose={() => setAppealing(false)}
          onFiled={() => setAppealing(false)}
        />
      )}
    </div>
  );
}

export default function EnterprisePage() {
  const { runId = '', uscc = '' } = useParams();
  const meta = useMujunMeta();
  const res = useRequest(
    () => api.get<EnterpriseReport>(`/mujun/runs/${runId}/enterprises/${uscc}`),
    `mujun-ent|${runId}|${uscc}`,
  );
  const scheme = useRequest(() => loadScheme(runId), `mujun-ent-scheme|${runId}`);
  if (res.error) {
    if (res.error instanceof ApiError && res.error.status === 404) return <NotFoundResult />;
    return <LoadError error={res.error} onRetry={res.reload} />;
  }
  if (!res.data) return <FullPageSpin />;
  if (!res.data.result)
    return (
      <Card>
        <Empty />
      </Card>
    );
  return <Report r={res.data} meta={meta.data} scheme={scheme.data ?? null} />;
}
