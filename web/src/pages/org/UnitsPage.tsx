import { Button, Card, Col, Empty, Input, Row, Space, Switch, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useUnits } from '../../api/hooks';
import type { Unit } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { LoadError } from '../../components/Results';
import { UnitDetail } from '../../components/UnitDetail';
import { UnitFormModal, type UnitFormMode } from '../../components/UnitFormModal';
import { activeOnly, allIds, buildUnitForest, filterForest, type UnitNode } from '../../components/unitTree';
import { useLabels } from '../../components/useLabels';

export default function UnitsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const labels = useLabels();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('unit');
  const [query, setQuery] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [mode, setMode] = useState<UnitFormMode | null>(null);
  const canWrite = can('org.write');

  const list = units.data ?? [];
  const forest = useMemo(() => {
    const all = buildUnitForest(list);
    return showInactive ? all : activeOnly(all);
  }, [list, showInactive]);

  const q = query.trim().toLowerCase();
  const shown = useMemo(
    () =>
      q
        ? filterForest(forest, (u) => [u.name, u.code, u.shortName ?? ''].some((s) => s.toLowerCase().includes(q)))
        : forest,
    [forest, q],
  );

  // Default: roots and their children open. While searching, everything that matches is open.
  const defaultExpanded = useMemo(() => forest.map((n) => n.unit.id), [forest]);
  const expandedKeys = q ? allIds(shown) : (expanded ?? defaultExpanded);

  const toTree = (nodes: UnitNode[]): TreeDataNode[] =>
    nodes.map((n) => ({
      key: n.unit.id,
      title: (
        <span className={n.unit.active ? undefined : 'ls-inactive'}>
          {n.unit.name}
          <Tag color={labels.kindColor(n.unit.kind)} style={{ marginLeft: 6, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}>
            {labels.kind(n.unit.kind)}
          </Tag>
        </span>
      ),
      children: toTree(n.children),
    }));

  const selected = list.find((u) => u.id === selectedId);
  const select = (id: string | null) => setParams(id ? { unit: id } : {}, { replace: true });

  const onSaved = (u: Unit) => {
    setMode(null);
    units.reload();
    select(u.id);
  };

  const treeCard = (
    <Card
      title={t('units.treeTitle')}
      extra={
        canWrite && (
          <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setMode({ type: 'create' })} data-testid="unit-add">
            {t('units.add')}
          </Button>
        )
      }
      styles={{ body: { padding: 12 } }}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Input.Search allowClear placeholder={t('units.search')} onChange={(e) => setQuery(e.target.value)} />
        <Space size={6}>
          <Switch size="small" checked={showInactive} onChange={setShowInactive} />
          <Typography.Text type="secondary">{t('units.showInactive')}</Typography.Text>
        </Space>
        {units.error ? (
          <LoadError error={units.error} onRetry={units.reload} />
        ) : shown.length === 0 && !units.loading ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q ? t('units.noMatch') : t('units.empty')} />
        ) : (
          <div style={{ maxHeight: 'calc(100vh - 290px)', minHeight: 200, overflow: 'auto' }}>
            <Tree
              className="ls-unit-tree"
              data-testid="unit-tree"
              blockNode
              showLine={{ showLeafIcon: false }}
              treeData={toTree(shown)}
              expandedKeys={expandedKeys}
              onExpand={(keys) => !q && setExpanded(keys as string[])}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => keys.length && select(String(keys[0]))}
            />
          </div>
        )}
      </Space>
    </Card>
  );

  return (
    <>
      <h2 className="ls-page-title">{t('units.title')}</h2>
      <Row gutter={16}>
        <Col xs={24} lg={9} xl={8} xxl={7} style={{ marginBottom: 16 }}>
          {treeCard}
        </Col>
        <Col xs={24} lg={15} xl={16} xxl={17}>
          {selected ? (
            <UnitDetail
              unit={selected}
              parent={list.find((u) => u.id === selected.parentId)}
              canWrite={canWrite}
              canReadPeople={can('people.read')}
              onAddChild={() => setMode({ type: 'create', parent: selected })}
              onEdit={() => setMode({ type: 'edit', unit: selected })}
              onSaved={onSaved}
            />
          ) : (
            <Card>
              <Empty description={t('units.selectHint')} style={{ padding: '48px 0' }} />
            </Card>
          )}
        </Col>
      </Row>
      <UnitFormModal mode={mode} units={list} onClose={() => setMode(null)} onSaved={onSaved} />
    </>
  );
}
