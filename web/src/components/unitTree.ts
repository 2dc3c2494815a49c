import type { Unit } from '../api/types';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

const byOrder = (a: UnitNode, b: UnitNode) =>
  a.unit.sortOrder - b.unit.sortOrder || a.unit.code.localeCompare(b.unit.code);

/** Builds the forest from parentId. Units whose parent is not visible (data scope) become roots. */
export function buildUnitForest(units: Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const u of units) nodes.set(u.id, { unit: u, children: [] });
  const roots: UnitNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.unit.parentId ? nodes.get(n.unit.parentId) : undefined;
    if (parent && parent !== n && !isAncestor(n, parent)) parent.children.push(n);
    else roots.push(n);
  }
  const sort = (list: UnitNode[]) => {
    list.sort(byOrder);
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

function isAncestor(candidate: UnitNode, node: UnitNode): boolean {
  // guard against parentId cycles in bad data
  const stack = [...candidate.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === node) return true;
    stack.push(...n.children);
  }
  return false;
}

/** Keeps nodes for which `keep` holds, plus their ancestors. */
export function filterForest(forest: UnitNode[], keep: (u: Unit) => boolean): UnitNode[] {
  const out: UnitNode[] = [];
  for (const n of forest) {
    const children = filterForest(n.children, keep);
    if (keep(n.unit) || children.length) out.push({ unit: n.unit, children });
  }
  return out;
}

/** Drops inactive units (and the subtrees under them). */
export function activeOnly(forest: UnitNode[]): UnitNode[] {
  return forest.filter((n) => n.unit.active).map((n) => ({ unit: n.unit, children: activeOnly(n.children) }));
}

export function allIds(forest: UnitNode[]): string[] {
  return forest.flatMap((n) => [n.unit.id, ...allIds(n.children)]);
}

export function findNode(forest: UnitNode[], id: string): UnitNode | undefined {
  for (const n of forest) {
    if (n.unit.id === id) return n;
    const hit = findNode(n.children, id);
    if (hit) return hit;
  }
  return undefined;
}

export interface UnitOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: UnitOption[];
}

/** TreeSelect data; `exclude` (and its subtree) is left out, e.g. a unit cannot be its own parent. */
export function toTreeOptions(forest: UnitNode[], exclude?: string): UnitOption[] {
  return forest
    .filter((n) => n.unit.id !== exclude)
    .map((n) => ({
      value: n.unit.id,
      title: n.unit.name,
      children: n.children.length ? toTreeOptions(n.children, exclude) : undefined,
    }));
}
