/** Pure helpers for the unit tree. */
export interface TreeNode {
  id: string;
  parentId: string | null;
}

/** True when making `parentId` the parent of `id` would close a cycle (or point a unit at itself). */
export function wouldCreateCycle(nodes: readonly TreeNode[], id: string, parentId: string | null): boolean {
  if (parentId === null) return false;
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  let cursor: string | null | undefined = parentId;
  const seen = new Set<string>();
  while (cursor) {
    if (cursor === id) return true;
    if (seen.has(cursor)) return true;
    seen.add(cursor);
    cursor = parentOf.get(cursor);
  }
  return false;
}

/** Orders rows so that each parent comes before its children (for imports that create a parent and child at once). */
export function parentsFirst<T extends { code: string; parentCode: string | null }>(rows: readonly T[]): T[] | null {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const out: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (r: T): boolean => {
    const s = state.get(r.code);
    if (s === 'done') return true;
    if (s === 'visiting') return false;
    state.set(r.code, 'visiting');
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    if (parent && !visit(parent)) return false;
    state.set(r.code, 'done');
    out.push(r);
    return true;
  };
  for (const r of rows) if (!visit(r)) return null;
  return out;
}
