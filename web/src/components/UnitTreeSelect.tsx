import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { Unit } from '../api/types';
import { activeOnly, buildUnitForest, toTreeOptions } from './unitTree';

interface Props {
  units: Unit[];
  value?: string | string[] | null;
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  /** Leave this unit and its subtree out (parent pickers). */
  exclude?: string;
  includeInactive?: boolean;
  allowClear?: boolean;
  loading?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

/** Unit picker with search; works inside antd Form.Item (value/onChange). */
export function UnitTreeSelect({ units, value, onChange, multiple, placeholder, exclude, includeInactive, allowClear = true, loading, style, ...rest }: Props) {
  const treeData = useMemo(() => {
    const forest = buildUnitForest(units);
    return toTreeOptions(includeInactive ? forest : activeOnly(forest), exclude);
  }, [units, exclude, includeInactive]);

  return (
    <TreeSelect
      data-testid={rest['data-testid']}
      treeData={treeData}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v as string | string[] | undefined)}
      multiple={multiple}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={loading}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      style={{ width: '100%', ...style }}
      styles={{ popup: { root: { maxHeight: 420, minWidth: 280 } } }}
    />
  );
}
