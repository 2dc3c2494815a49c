// 对比: two runs (also of different years) → class transition matrix + the enterprises whose class changed.
import { Card, Col, Empty, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client';
import { useRequest } from '../../../api/hooks';
import type { CompareAnswer, CompareItem, RunSummary } from '../../../api/mujunTypes';
import { LoadError } from '../../Results';
import { ClassTag, classOrder, fmt } from './classes';

/** Every run of the given years, newest first (for pickers that span years). */
export function useAllRuns(years: readonly number[] | undefined) {
  return useRequest(
    async () => {
      const lists = await Promise.all((years ?? []).map((year) => api.get<RunSummary[]>('/mujun/runs', { year })));
      return lists.flat().sort((a, b) => b.year - a.year || b.version - a.version);
    },
    `mujun-all-runs|${(years ?? []).join(',')}`,
    years !== undefined,
  );
}

export function runLabel(t: (k: string, o?: Record<string, unknown>) => string, r: RunSummary): string {
  return `${r.year} · ${t('mujun.run.version', { v: r.version })}${r.reason ? ` · ${r.reason}` : ''}`;
}

const isAbsent = (k: string) => k === '' || k === 'null' || k === '-' || k === '—';

export function CompareView({
  runs,
  a,
  b,
  onChange,
}: {
  runs: RunSummary[];
  a: string | undefined;
  b: string | undefined;
  onChange: (a: string | undefined, b: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [changed, setChanged] = useState(true);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const ready = !!a && !!b && a !== b;
  const res = useRequest(
    () =>
      api.get<CompareAnswer>('/mujun/compare', {
        a,
        b,
        changed: changed ? 1 : undefined,
        page: paging.page,
        pageSize: paging.pageSize,
      }),
    `mujun-compare|${a}|${b}|${changed}|${paging.page}|${paging.pageSize}`,
    ready,
  );
  const options = runs.map((r) => ({ value: r.id, label: runLabel(t, r) }));
  const d = res.data;

  const rowsA = d ? Object.keys(d.matrix) : [];
  const colsB = d ? [...new Set(Object.values(d.matrix).flatMap((row) => Object.keys(row)))] : [];
  const order = (list: string[]) => {
    const known = classOrder(['A', 'B', 'C', 'D', 'T'], Object.fromEntries(list.map((k) => [k, 1])));
    return known.filter((k) => list.includes(k)).sort((x, y) => Number(isAbsent(x)) - Number(isAbsent(y)));
  };
  const ra = d?.classes ?? order(rowsA);
  const cb = d?.classes ?? order(colsB);
  const rank = (k: string) => (isAbsent(k) ? 99 : ['A', 'B', 'C', 'D'].indexOf(k) >= 0 ? ['A', 'B', 'C', 'D'].indexOf(k) : 50);
  const label = (k: string) => (isAbsent(k) ? t('mujun.compare.absent') : <ClassTag value={k} />);

  const matrixCols: TableColumnsType<{ from: string }> = [
    { title: t('mujun.compare.from'), dataIndex: 'from', width: 90, render: (v: string) => label(v) },
    ...cb.map((to) => ({
      title: label(to),
      key: to,
      align: 'center' as const,
      render: (_: unknown, r: { from: string }) => {
        const n = d?.matrix[r.from]?.[to] ?? 0;
        const same = r.from === to;
        const up = !same && !isAbsent(r.from) && !isAbsent(to) && rank(to) < rank(r.from);
        const down = !same && !isAbsent(r.from) && !isAbsent(to) && rank(to) > rank(r.from);
        return (
          <span
            data-testid={`mujun-matrix-${r.from || 'none'}-${to || 'none'}`}
            style={{
              display: 'inline-block',
              minWidth: 40,
              padding: '2px 8px',
              borderRadius: 4,
              fontWeight: n ? 600 : 400,
              color: n ? undefined : '#bfbfbf',
              background: !n ? undefined : same ? '#f5f5f5' : up ? '#f6ffed' : down ? '#fff1f0' : undefined,
            }}
          >
            {n}
          </span>
        );
      },
    })),
  ];

  const itemCols: TableColumnsType<CompareItem> = [
    {
      title: t('mujun.col.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <>
          <Link to={`/mujun/runs/${b}/enterprises/${r.uscc}`}>{v}</Link>
          <div style={{ fontSize: 12, color: '#8c8c8c' }}>{r.uscc}</div>
        </>
      ),
    },
    {
      title: t('mujun.compare.classA'),
      dataIndex: 'classA',
      width: 80,
      align: 'center',
      render: (v: string | null) => <ClassTag value={v} />,
    },
    {
      title: t('mujun.compare.classB'),
      dataIndex: 'classB',
      width: 80,
      align: 'center',
      render: (v: string | null) => <ClassTag value={v} />,
    },
    {
      title: '',
      key: 'dir',
      width: 80,
      render: (_: unknown, r) => {
        if (!r.classA || !r.classB) return null;
        const diff = rank(r.classA) - rank(r.classB);
        if (diff > 0)
          return (
            <Tag color="green" icon={<ArrowUpOutlined />}>
              {t('mujun.compare.up')}
            </Tag>
          );
        if (diff < 0)
          return (
            <Tag color="red" icon={<ArrowDownOutlined />}>
              {t('mujun.compare.down')}
            </Tag>
          );
        return <Tag>{t('mujun.compare.same2')}</Tag>;
      },
    },
    { title: t('mujun.compare.totalA'), dataIndex: 'totalA', width: 90, align: 'right', render: (v: number | null) => fmt(v) },
    { title: t('mujun.compare.totalB'), dataIndex: 'totalB', width: 90, align: 'right', render: (v: number | null) => fmt(v) },
    { title: t('mujun.compare.rankA'), dataIndex: 'rankA', width: 80, align: 'right', render: (v: number | null) => v ?? '—' },
    { title: t('mujun.compare.rankB'), dataIndex: 'rankB', width: 80, align: 'right', render: (v: number | null) => v ?? '—' },
  ];

  return (
    <div data-testid="mujun-compare">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('mujun.compare.a')}</Typography.Text>
        <Select
          style={{ width: 300 }}
          value={a}
          options={options}
          onChange={(v: string) => onChange(v, b)}
          data-testid="mujun-compare-a"
        />
        <Typography.Text>{t('mujun.compare.b')}</Typography.Text>
        <Select
          style={{ width: 300 }}
          value={b}
          options={options}
          onChange={(v: string) => onChange(a, v)}
          data-testid="mujun-compare-b"
        />
      </Space>
      {!ready ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={a && a === b ? t('mujun.compare.same') : t('mujun.compare.pick')}
        />
      ) : res.error ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : (
        <Row gutter={[12, 12]}>
          {/* side by side only where the list of enterprises keeps its columns; else the matrix above it */}
          <Col xs={24} xxl={9}>
            <Card size="small" title={t('mujun.compare.matrix')} loading={!d} styles={{ body: { maxWidth: 640 } }}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('mujun.compare.matrixHint')}
              </Typography.Paragraph>
              <Table
                rowKey="from"
                size="small"
                pagination={false}
                columns={matrixCols}
                dataSource={ra.map((from) => ({ from }))}
                data-testid="mujun-compare-matrix"
              />
            </Card>
          </Col>
          <Col xs={24} xxl={15}>
            <Card
              size="small"
              title={t('mujun.compare.changed')}
              extra={
                <Space>
                  <Typography.Text style={{ fontSize: 12 }}>{t('mujun.compare.onlyChanged')}</Typography.Text>
                  <Switch
                    size="small"
                    checked={changed}
                    onChange={(v) => {
                      setChanged(v);
                      setPaging((p) => ({ ...p, page: 1 }));
                    }}
                  />
                </Space>
              }
            >
              <Table<CompareItem>
                rowKey="uscc"
                size="small"
                loading={res.loading}
                columns={itemCols}
                dataSource={d?.items ?? []}
                scroll={{ x: 760 }}
                pagination={{
                  current: paging.page,
                  pageSize: paging.pageSize,
                  total: d?.total ?? d?.items.length ?? 0,
                  showSizeChanger: true,
                  showTotal: (total) => t('common.total', { total }),
                  onChange: (page, pageSize) => setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
                }}
              />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
