import {
  AutoComplete,
  Button,
  Card,
  Col,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchemeAdjustment, SchemeClasses, SchemeGroup, SchemeVeto } from '../../../api/mujunAdminTypes';
import { ProblemText, RowActions, mono, num, pre, useEditor } from './editorContext';
import { IndicatorTable } from './IndicatorTable';
import { compact, move, uniqueId } from './schemeModel';

const label = { fontSize: 12, color: '#595959', marginBottom: 4 };

function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ marginTop: 16 }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong style={{ borderLeft: '3px solid #b71c1c', paddingLeft: 8 }}>
          {title}
        </Typography.Text>
        {extra}
      </div>
      {children}
    </div>
  );
}

/** An empty list: a dash and the add button, without an empty table. */
function AddOnly({ text, onClick }: { text: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Typography.Text type="secondary">{t('mujunAdmin.schemes.noneYet')}</Typography.Text>
      <Button size="small" icon={<PlusOutlined />} onClick={onClick}>
        {text}
      </Button>
    </Space>
  );
}

function AdjustmentsTable({
  list,
  base,
  onChange,
}: {
  list: SchemeAdjustment[];
  base: string;
  onChange: (next: SchemeAdjustment[]) => void;
}) {
  const { t } = useTranslation();
  const { status, flagOptions, fieldOptions } = useEditor();
  const set = (k: number, next: SchemeAdjustment) =>
    onChange(list.map((x, i) => (i === k ? (compact(next) as SchemeAdjustment) : x)));
  const p = (k: number, rest: string) => `${base}.adjustments[${k}].${rest}`;
  const add = () =>
    onChange([
      ...list,
      {
        id: uniqueId(
          'bonus',
          list.map((a) => a.id),
        ),
        name: '',
        flag: '',
        points: 3,
      },
    ]);
  if (!list.length) return <AddOnly text={t('mujunAdmin.schemes.addAdjustment')} onClick={add} />;
  return (
    <Table<SchemeAdjustment & { k: number }>
      size="small"
      bordered
      rowKey="k"
      pagination={false}
      scroll={{ x: 900 }}
      dataSource={list.map((x, k) => ({ ...x, k }))}
      locale={{ emptyText: t('mujunAdmin.schemes.none') }}
      footer={() => (
        <Button size="small" icon={<PlusOutlined />} onClick={add}>
          {t('mujunAdmin.schemes.addAdjustment')}
        </Button>
      )}
      columns={[
        {
          title: t('mujunAdmin.schemes.adj.name'),
          key: 'name',
          width: 200,
          render: (_, r) => (
            <>
              <Input
                size="small"
                value={r.name ?? ''}
                placeholder={r.id}
                onChange={(e) => set(r.k, { ...list[r.k]!, name: e.target.value })}
              />
              <ProblemText path={p(r.k, 'name')} />
            </>
          ),
        },
        {
          title: t('mujunAdmin.schemes.adj.id'),
          key: 'id',
          width: 130,
          render: (_, r) => (
            <>
              <Input
                size="small"
                style={mono}
                value={r.id}
                status={status(p(r.k, 'id'))}
                onChange={(e) => set(r.k, { ...list[r.k]!, id: e.target.value })}
              />
              <ProblemText path={p(r.k, 'id')} />
            </>
          ),
        },
        {
          title: t('mujunAdmin.schemes.adj.type'),
          key: 'type',
          width: 110,
          render: (_, r) => (
            <Select
              size="small"
              style={{ width: '100%' }}
              value={'flag' in r ? 'flag' : 'field'}
              options={[
                { value: 'flag', label: t('mujunAdmin.schemes.adj.byFlag') },
                { value: 'field', label: t('mujunAdmin.schemes.adj.byField') },
              ]}
              onChange={(v) =>
                set(
                  r.k,
                  v === 'flag'
                    ? { id: r.id, name: r.name, flag: '', points: 3 }
                    : { id: r.id, name: r.name, field: 'tenants', per: -5, beyond: 1 },
                )
              }
            />
          ),
        },
        {
          title: t('mujunAdmin.schemes.adj.points'),
          key: 'rule',
          render: (_, r) => {
            const { k: _k, ...a } = r;
            void _k;
            if ('flag' in a) {
              return (
                <Space wrap size={6}>
                  <AutoComplete
                    size="small"
                    style={{ width: 240 }}
                    value={a.flag}
                    options={flagOptions}
                    placeholder={t('mujunAdmin.schemes.flagPlaceholder')}
                    status={status(p(r.k, 'flag'))}
                    onChange={(v: string) => set(r.k, { ...a, flag: v })}
                  />
                  <InputNumber
                    size="small"
                    style={{ width: 130 }}
                    value={a.points}
                    prefix={pre(t('mujunAdmin.schemes.adj.points'))}
                    status={status(p(r.k, 'points'))}
                    onChange={(v) => set(r.k, { ...a, points: num(v) as number })}
                  />
                  <ProblemText path={p(r.k, 'flag')} />
                  <ProblemText path={p(r.k, 'points')} />
                </Space>
              );
            }
            return (
              <Space wrap size={6}>
                <AutoComplete
                  size="small"
                  style={{ width: 200 }}
                  value={a.field}
                  options={fieldOptions}
                  placeholder={t('mujunAdmin.schemes.fieldPlaceholder')}
                  status={status(p(r.k, 'field'))}
                  onChange={(v: string) => set(r.k, { ...a, field: v })}
                />
                <InputNumber
                  size="small"
                  style={{ width: 150 }}
                  value={a.per}
                  prefix={pre(t('mujunAdmin.schemes.adj.per'))}
                  status={status(p(r.k, 'per'))}
                  onChange={(v) => set(r.k, { ...a, per: num(v) as number })}
                />
                <InputNumber
                  size="small"
                  style={{ width: 120 }}
                  value={a.beyond}
                  placeholder="0"
                  prefix={pre(t('mujunAdmin.schemes.adj.beyond'))}
                  onChange={(v) => set(r.k, { ...a, beyond: num(v) })}
                />
                <ProblemText path={p(r.k, 'field')} />
                <ProblemText path={p(r.k, 'per')} />
              </Space>
            );
          },
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 100,
          render: (_, r) => (
            <RowActions
              k={r.k}
              n={list.length}
              onMove={(to) => onChange(move(list, r.k, to))}
              onRemove={() => onChange(list.filter((_, i) => i !== r.k))}
            />
          ),
        },
      ]}
    />
  );
}

function VetoesTable({ list, base, onChange }: { list: SchemeVeto[]; base: string; onChange: (next: SchemeVeto[]) => void }) {
  const { t } = useTranslation();
  const { status, flagOptions, classOptions } = useEditor();
  const set = (k: number, patch: Partial<SchemeVeto>) => onChange(list.map((x, i) => (i === k ? { ...x, ...patch } : x)));
  const p = (k: number, rest: string) => `${base}.vetoes[${k}].${rest}`;
  const add = () =>
    onChange([
      ...list,
      {
        id: uniqueId(
          'veto',
          list.map((v) => v.id),
        ),
        name: '',
        flag: '',
        class: 'D',
      },
    ]);
  if (!list.length) return <AddOnly text={t('mujunAdmin.schemes.addVeto')} onClick={add} />;
  return (
    <Table<SchemeVeto & { k: number }>
      size="small"
      bordered
      rowKey="k"
      pagination={false}
      dataSource={list.map((x, k) => ({ ...x, k }))}
      locale={{ emptyText: t('mujunAdmin.schemes.none') }}
      footer={() => (
        <Button size="small" icon={<PlusOutlined />} onClick={add}>
          {t('mujunAdmin.schemes.addVeto')}
        </Button>
      )}
      columns={[
        {
          title: t('mujunAdmin.schemes.veto.name'),
          key: 'name',
          render: (_, r) => (
            <Input size="small" value={r.name ?? ''} placeholder={r.id} onChange={(e) => set(r.k, { name: e.target.value })} />
          ),
        },
        {
          title: t('mujunAdmin.schemes.veto.id'),
          key: 'id',
          width: 130,
          render: (_, r) => (
            <>
              <Input
                size="small"
                style={mono}
                value={r.id}
                status={status(p(r.k, 'id'))}
                onChange={(e) => set(r.k, { id: e.target.value })}
              />
              <ProblemText path={p(r.k, 'id')} />
            </>
          ),
        },
        {
          title: t('mujunAdmin.schemes.veto.flag'),
          key: 'flag',
          width: 260,
          render: (_, r) => (
            <>
              <AutoComplete
                size="small"
                style={{ width: '100%' }}
                value={r.flag}
                options={flagOptions}
                placeholder={t('mujunAdmin.schemes.flagPlaceholder')}
                status={status(p(r.k, 'flag'))}
                onChange={(v: string) => set(r.k, { flag: v })}
              />
              <ProblemText path={p(r.k, 'flag')} />
            </>
          ),
        },
        {
          title: t('mujunAdmin.schemes.veto.class'),
          key: 'class',
          width: 110,
          render: (_, r) => (
            <AutoComplete
              size="small"
              style={{ width: '100%' }}
              value={r.class}
              options={classOptions}
              onChange={(v: string) => set(r.k, { class: v })}
            />
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 100,
          render: (_, r) => (
            <RowActions
              k={r.k}
              n={list.length}
              onMove={(to) => onChange(move(list, r.k, to))}
              onRemove={() => onChange(list.filter((_, i) => i !== r.k))}
            />
          ),
        },
      ]}
    />
  );
}

const DEFAULT_BANDS: Record<SchemeClasses['method'], SchemeClasses> = {
  percentile: {
    method: 'percentile',
    bands: [
      ['A', 0.2],
      ['B', 0.6],
      ['C', 0.95],
      ['D', 1],
    ],
  },
  threshold: {
    method: 'threshold',
    bands: [
      ['A', 90],
      ['B', 70],
      ['C', 50],
      ['D', null],
    ],
  },
};

function ClassesEditor({
  classes,
  base,
  onChange,
}: {
  classes: SchemeClasses;
  base: string;
  onChange: (next: SchemeClasses) => void;
}) {
  const { t } = useTranslation();
  const { status, classOptions } = useEditor();
  const pct = classes.method === 'percentile';
  const bands = classes.bands as [string, number | null][];
  const setBands = (next: [string, number | null][]) => onChange({ method: classes.method, bands: next } as SchemeClasses);
  const p = (k: number) => `${base}.classes.bands[${k}]`;
  return (
    <div data-testid={`mujun-classes-${base}`}>
      <Radio.Group
        value={classes.method}
        optionType="button"
        buttonStyle="solid"
        size="small"
        options={(['percentile', 'threshold'] as const).map((m) => ({
          value: m,
          label: t(`mujunAdmin.schemes.classMethod.${m}`),
        }))}
        onChange={(e) => onChange(DEFAULT_BANDS[e.target.value as SchemeClasses['method']])}
      />
      <ProblemText path={`${base}.classes`} />
      <ProblemText path={`${base}.classes.bands`} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 10, alignItems: 'flex-start' }}>
        {bands.map(([cls, v], k) => (
          <div key={k} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8, background: '#fafafa' }}>
            <Space size={4}>
              <AutoComplete
                size="small"
                style={{ width: 64 }}
                value={cls}
                options={classOptions}
                status={status(p(k))}
                onChange={(c: string) => setBands(bands.map((b, i) => (i === k ? [c, b[1]] : b)))}
              />
              <Tooltip title={pct ? t('mujunAdmin.schemes.band.share') : t('mujunAdmin.schemes.band.min')}>
                <InputNumber
                  size="small"
                  style={{ width: 96 }}
                  value={v}
                  min={pct ? 0 : undefined}
                  max={pct ? 1 : undefined}
                  step={pct ? 0.05 : 5}
                  placeholder={pct ? '0–1' : '—'}
                  status={status(p(k))}
                  onChange={(x) => setBands(bands.map((b, i) => (i === k ? [b[0], pct ? (x ?? 0) : x] : b)))}
                />
              </Tooltip>
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                disabled={bands.length <= 1}
                onClick={() => setBands(bands.filter((_, i) => i !== k))}
              />
            </Space>
            <div style={{ fontSize: 12, color: '#8c8c8c', marginTop: 4 }}>
              {pct
                ? t('mujunAdmin.schemes.bandsPercentile', { cls, share: +((v ?? 0) * 100).toFixed(4) })
                : v === null
                  ? t('mujunAdmin.schemes.bandsRest', { cls })
                  : t('mujunAdmin.schemes.bandsThreshold', { cls, min: v })}
            </div>
            <ProblemText path={p(k)} />
          </div>
        ))}
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          style={{ alignSelf: 'center' }}
          onClick={() => setBands([...bands, [String.fromCharCode(65 + bands.length), pct ? 1 : null]])}
        >
          {t('mujunAdmin.schemes.addBand')}
        </Button>
      </div>
    </div>
  );
}

/** One group: name, id and filter, its indicators, adjustments, vetoes and classes. */
export function GroupEditor({
  group,
  index,
  count,
  onChange,
  onMove,
  onCopy,
  onRemove,
}: {
  group: SchemeGroup;
  index: number;
  count: number;
  onChange: (next: SchemeGroup) => void;
  onMove: (to: number) => void;
  onCopy: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { status, inside } = useEditor();
  const base = `groups[${index}]`;
  const set = (patch: Partial<SchemeGroup>) => onChange(compact({ ...group, ...patch }));
  return (
    <Card
      id={`mj-${base}`}
      size="small"
      style={{ marginTop: 16, borderColor: inside(base) ? '#ffccc7' : undefined }}
      title={
        <span>
          {t('mujunAdmin.schemes.group', { n: index + 1 })}
          {group.name && <Typography.Text style={{ marginLeft: 8, fontWeight: 400 }}>{group.name}</Typography.Text>}
        </span>
      }
      data-testid={`mujun-group-${index}`}
      extra={
        <Space size={0}>
          <Tooltip title={t('mujunAdmin.schemes.moveUp')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
            />
          </Tooltip>
          <Tooltip title={t('mujunAdmin.schemes.moveDown')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
            />
          </Tooltip>
          <Tooltip title={t('mujunAdmin.schemes.copyGroup')}>
            <Button type="text" size="small" icon={<CopyOutlined />} onClick={onCopy} />
          </Tooltip>
          <Popconfirm
            title={t('mujunAdmin.schemes.removeGroupConfirm', { name: group.name || group.id })}
            onConfirm={onRemove}
            disabled={count <= 1}
          >
            <Tooltip title={t('mujunAdmin.schemes.removeGroup')}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={count <= 1} />
            </Tooltip>
          </Popconfirm>
        </Space>
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <div style={label}>{t('mujunAdmin.schemes.groupName')}</div>
          <Input
            value={group.name}
            status={status(`${base}.name`)}
            onChange={(e) => set({ name: e.target.value })}
            data-testid="mujun-group-name"
          />
          <ProblemText path={`${base}.name`} />
        </Col>
        <Col xs={24} md={4}>
          <div style={label}>{t('mujunAdmin.schemes.groupId')}</div>
          <Input value={group.id} style={mono} status={status(`${base}.id`)} onChange={(e) => set({ id: e.target.value })} />
          <ProblemText path={`${base}.id`} />
        </Col>
        <Col xs={24} md={12}>
          <div style={label}>{t('mujunAdmin.schemes.filter')}</div>
          <Input
            value={group.filter}
            style={mono}
            status={status(`${base}.filter`)}
            placeholder="scale == 'above'"
            onChange={(e) => set({ filter: e.target.value })}
            data-testid="mujun-group-filter"
          />
          <ProblemText path={`${base}.filter`} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('mujunAdmin.schemes.filterHelp')}
          </Typography.Text>
        </Col>
      </Row>
      <Section title={t('mujunAdmin.schemes.indicators')}>
        <ProblemText path={`${base}.indicators`} />
        <IndicatorTable indicators={group.indicators} base={base} onChange={(indicators) => set({ indicators })} />
      </Section>
      <Row gutter={16}>
        <Col xs={24} xxl={14}>
          <Section title={t('mujunAdmin.schemes.adjustments')}>
            <AdjustmentsTable
              list={group.adjustments ?? []}
              base={base}
              onChange={(adjustments) => set({ adjustments: adjustments.length ? adjustments : undefined })}
            />
          </Section>
        </Col>
        <Col xs={24} xxl={10}>
          <Section title={t('mujunAdmin.schemes.vetoes')}>
            <VetoesTable
              list={group.vetoes ?? []}
              base={base}
              onChange={(vetoes) => set({ vetoes: vetoes.length ? vetoes : undefined })}
            />
          </Section>
        </Col>
      </Row>
      <Section title={t('mujunAdmin.schemes.classes')}>
        <ClassesEditor classes={group.classes} base={base} onChange={(classes) => set({ classes })} />
      </Section>
    </Card>
  );
}
