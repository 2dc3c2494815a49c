import { describe, expect, it } from 'vitest';
import { parentsFirst, wouldCreateCycle } from './tree.js';
import { columnLetter, readRows, UNIT_COLUMNS } from '../import/sheet.js';

describe('unit tree', () => {
  const nodes = [
    { id: 'gov', parentId: null },
    { id: 'office', parentId: 'gov' },
    { id: 'dcs', parentId: 'office' },
  ];
  it('detects cycles', () => {
    expect(wouldCreateCycle(nodes, 'gov', 'dcs')).toBe(true);
    expect(wouldCreateCycle(nodes, 'office', 'office')).toBe(true);
    expect(wouldCreateCycle(nodes, 'dcs', 'gov')).toBe(false);
    expect(wouldCreateCycle(nodes, 'dcs', null)).toBe(false);
  });
  it('orders parents before children and refuses cycles', () => {
    const rows = [
      { code: 'c', parentCode: 'b' },
      { code: 'b', parentCode: 'a' },
      { code: 'a', parentCode: null },
    ];
    expect(parentsFirst(rows)!.map((r) => r.code)).toEqual(['a', 'b', 'c']);
    expect(
      parentsFirst([
        { code: 'x', parentCode: 'y' },
        { code: 'y', parentCode: 'x' },
      ]),
    ).toBeNull();
  });
});

describe('import rows', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ']);
  });
  it('finds columns by header whatever their order, and reports empty required cells', () => {
    const { records, issues } = readRows(
      { header: ['类型*', '单位名称*', '单位编码*'], rows: [{ row: 2, cells: ['部门', '', 'X'] }] },
      UNIT_COLUMNS,
    );
    expect(records[0]!.values).toMatchObject({ code: 'X', kind: '部门', name: '' });
    expect(issues).toEqual([{ row: 2, column: 'B', message: '“单位名称”不能为空' }]);
  });
});
