/**
 * Digests of `evaluateColumnar`'s arrays on BENCH_ROWS (1,000,000) generated enterprises, for checking that an engine
 * change keeps every result bit for bit at full size: `npx tsx bench/engine-digest.ts > before.txt`, change, run again
 * and `diff`. One line per scheme and array: scheme, array, SHA-256 of its bytes (strings as JSON).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defaultScheme } from '../src/domain/mujun/default-scheme.js';
import { evaluateColumnar } from '../src/domain/mujun/engine.js';
import type { Scheme } from '../src/domain/mujun/scheme.js';
import { DEFAULT_SEED, generateMujunTable } from './mujun-data.js';

const rows = Number(process.env.BENCH_ROWS || 1_000_000);
const table = generateMujunTable(rows, DEFAULT_SEED);
const huangyan = JSON.parse(
  readFileSync(new URL('../src/domain/mujun/fixtures/huangyan-2023.scheme.json', import.meta.url), 'utf8'),
) as Scheme;
const schemes: Scheme[] = [
  huangyan,
  { ...huangyan, id: 'huangyan-tenants', tenantsTakeLandlordClass: true },
  defaultScheme(2022),
];
const h = (x: ArrayBufferView | unknown): string => {
  const hash = createHash('sha256');
  if (ArrayBuffer.isView(x)) hash.update(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
  else hash.update(JSON.stringify(x));
  return hash.digest('hex').slice(0, 16);
};
for (const s of schemes) {
  const ev = evaluateColumnar(s, table);
  const out: [string, unknown][] = [
    ['groups', ev.groups],
    ['warnings', ev.warnings],
    ['status', ev.status],
    ['group', ev.group],
    ['member', ev.member],
    ['total', ev.total],
    ['rank', ev.rank],
    ['classLabels', ev.classLabels],
    ['classIndex', ev.classIndex],
    ['adjustmentMask', ev.adjustmentMask],
    ['vetoMask', ev.vetoMask],
  ];
  for (const [k, a] of Object.entries(ev.heroes)) out.push([`heroes.${k}`, a]);
  for (const g of ev.byGroup) {
    out.push([`${g.id}.members`, g.members]);
    for (const x of g.indicators)
      out.push(
        [`${g.id}.${x.id}.value`, x.value],
        [`${g.id}.${x.id}.benchmark`, x.benchmark],
        [`${g.id}.${x.id}.score`, x.score],
      );
    for (const a of g.adjustments) out.push([`${g.id}.adj.${a.id}`, typeof a.points === 'number' ? a.points : a.points]);
  }
  for (const [k, v] of out) console.log(`${s.id} ${k} ${h(v)}`);
}
