import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultScheme } from '../domain/mujun/default-scheme.js';
import { evaluate } from '../domain/mujun/engine.js';
import { INPUT_FIELDS, type MujunRecord } from '../domain/mujun/fields.js';
import { DATA_SOURCES } from '../domain/mujun/sources.js';
import { makeTable } from '../domain/mujun/testkit.js';
import { usccProblem } from '../domain/uscc/uscc.js';
import { DEMO_ENTERPRISE_USCC, UNITS } from './anyuan.js';
import {
  ANYUAN_ENTERPRISE_YEARS,
  ANYUAN_INDUSTRIES,
  FLAG_SOURCE,
  PLANTED_INCONSISTENCIES,
  anyuanEnterprises,
  departmentUploads,
} from './anyuan-enterprises.js';

const data = anyuanEnterprises();
const recordsOf = (year: number): MujunRecord[] => data.find((d) => d.year === year)!.records;
const flagsOf = (r: MujunRecord): string[] => (r['flags'] == null ? [] : String(r['flags']).split(';'));
const num = (r: MujunRecord, k: string): number | null => (typeof r[k] === 'number' ? (r[k] as number) : null);
const share = (rs: MujunRecord[], pred: (r: MujunRecord) => boolean): number => rs.filter(pred).length / rs.length;

describe('anyuanEnterprises', () => {
  it('is deterministic and returns copies', () => {
    const again = anyuanEnterprises();
    expect(again).toEqual(data);
    again[0]!.records[0]!['tax'] = -1;
    expect(anyuanEnterprises()).toEqual(data);
    expect(JSON.stringify(anyuanEnterprises())).toBe(JSON.stringify(data));
  });

  it('is the same on every machine (update the fingerprint when the generator changes on purpose)', () => {
    const all = JSON.stringify([data, departmentUploads(2021), departmentUploads(2022), PLANTED_INCONSISTENCIES]);
    expect(createHash('sha256').update(all).digest('hex').slice(0, 16)).toBe('8328d7e5b9129aad');
  });

  it('has about 600 enterprises in 2021 and 2022 with every field of spec §1', () => {
    expect(data.map((d) => d.year)).toEqual([2021, 2022]);
    expect(ANYUAN_ENTERPRISE_YEARS).toEqual([2021, 2022]);
    const keys = INPUT_FIELDS.map((f) => f.key);
    for (const { records } of data) {
      expect(records.length).toBeGreaterThanOrEqual(580);
      expect(records.length).toBeLessThanOrEqual(620);
      for (const r of records) expect(Object.keys(r)).toEqual(keys);
    }
  });

  it('has valid, unique credit codes of Anyuan and unique names', () => {
    for (const { records } of data) {
      const codes = records.map((r) => String(r['uscc']));
      expect(new Set(codes).size).toBe(codes.length);
      for (const c of codes) {
        expect(usccProblem(c)).toBeNull();
        expect(c.startsWith('91360302')).toBe(true);
      }
      const names = records.map((r) => String(r['name']));
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect(n).toMatch(/^(萍乡市安源区|萍乡市|萍乡|江西|[^（]+（萍乡）).*(有限公司|有限责任公司)$/);
    }
  });

  it('keeps most enterprises in both years, a few new and a few closed, with growth between −15 % and +25 %', () => {
    const a = new Map(recordsOf(2021).map((r) => [r['uscc'], r]));
    const b = new Map(recordsOf(2022).map((r) => [r['uscc'], r]));
    const closed = [...a.keys()].filter((u) => !b.has(u));
    const opened = [...b.keys()].filter((u) => !a.has(u));
    expect(closed.length).toBeGreaterThanOrEqual(3);
    expect(closed.length).toBeLessThanOrEqual(10);
    expect(opened.length).toBeGreaterThanOrEqual(3);
    expect(opened.length).toBeLessThanOrEqual(10);
    for (const u of opened) expect(flagsOf(b.get(u)!)).toEqual(['exempt']);
    let checked = 0;
    for (const [u, r1] of a) {
      const r2 = b.get(u);
      if (!r2 || flagsOf(r1).includes('exempt')) continue; // a first year is a partial one
      const g = num(r2, 'revenue')! / num(r1, 'revenue')!;
      expect(g).toBeGreaterThanOrEqual(0.849);
      expect(g).toBeLessThanOrEqual(1.251);
      expect(r2['name']).toBe(r1['name']);
      expect(r2['industry']).toBe(r1['industry']);
      expect(r2['land_mu']).toBe(r1['land_mu']);
      if (r1['scale'] === 'above') expect(r2['scale']).toBe('above');
      checked++;
    }
    expect(checked).toBeGreaterThan(570);
  });

  it('places enterprises in the towns, streets and parks of UNITS, most in parks and towns', () => {
    const kindOf = new Map(UNITS.map((u) => [u.name, u.kind]));
    for (const { records } of data) {
      for (const r of records) expect(['township', 'street', 'park']).toContain(kindOf.get(String(r['town'])));
      const parksAndTowns = share(records, (r) => ['park', 'township'].includes(kindOf.get(String(r['town']))!));
      expect(parksAndTowns).toBeGreaterThan(0.6);
      expect(share(records, (r) => r['town'] === '安源经济开发区')).toBeGreaterThan(0.2);
      expect(new Set(records.map((r) => r['town'])).size).toBe(
        UNITS.filter((u) => ['township', 'street', 'park'].includes(u.kind)).length,
      );
    }
  });

  it('has the district’s industry mix', () => {
    const codes = new Set(ANYUAN_INDUSTRIES.map((d) => d.code));
    expect(ANYUAN_INDUSTRIES.reduce((s, d) => s + d.share, 0)).toBe(100);
    for (const { records } of data) {
      for (const r of records) expect(codes.has(String(r['industry']))).toBe(true);
      const by = (prefix: string) => share(records, (r) => String(r['industry']).startsWith(prefix));
      expect(by('C307')).toBeGreaterThan(0.25);
      expect(by('C307')).toBeLessThan(0.35);
      expect(by('C26')).toBeGreaterThan(0.1);
      expect(by('C39')).toBeGreaterThan(0.08);
      expect(by('C33')).toBeGreaterThan(0.1);
      expect(by('B06')).toBeGreaterThan(0.015);
      expect(by('B06')).toBeLessThan(0.05);
      // every division large enough for its own benchmark among the above-scale enterprises
      const above = records.filter((r) => r['scale'] === 'above');
      for (const div of ['C30', 'C26', 'C33', 'C34', 'C35', 'C39', 'B06'])
        expect(above.filter((r) => String(r['industry']).startsWith(div)).length).toBeGreaterThanOrEqual(5);
    }
  });

  it('has about 40 % above scale, small plots below scale, realistic magnitudes and ratios', () => {
    for (const { records } of data) {
      expect(share(records, (r) => r['scale'] === 'above')).toBeGreaterThan(0.35);
      expect(share(records, (r) => r['scale'] === 'above')).toBeLessThan(0.46);
      const small = records.filter(
        (r) => r['scale'] === 'below' && num(r, 'land_mu') !== null && num(r, 'land_mu')! > 0 && num(r, 'land_mu')! < 3,
      );
      expect(small.length).toBeGreaterThanOrEqual(3);
      expect(small.length).toBeLessThanOrEqual(20);
      for (const r of records) {
        const land = num(r, 'land_mu');
        if (r['landlord_uscc'] === null) {
          expect(land).not.toBeNull();
          expect(land!).toBeGreaterThan(0);
          expect(land!).toBeLessThanOrEqual(400);
        }
        const rev = num(r, 'revenue')!;
        expect(rev).toBeGreaterThan(0);
        if (r['scale'] === 'below') expect(rev).toBeLessThan(2000);
        expect(num(r, 'main_revenue')! / rev).toBeGreaterThanOrEqual(0.899);
        expect(num(r, 'main_revenue')! / rev).toBeLessThanOrEqual(1.0001);
        expect(num(r, 'value_added')! / rev).toBeGreaterThanOrEqual(0.199);
        expect(num(r, 'value_added')! / rev).toBeLessThanOrEqual(0.351);
        expect(num(r, 'tax')!).toBeGreaterThan(0);
        expect(num(r, 'tax')! / rev).toBeLessThan(0.25);
        expect(num(r, 'energy_tce')!).toBeGreaterThan(0);
        expect(num(r, 'electricity_kwh')!).toBeGreaterThan(0);
        expect(num(r, 'employees')!).toBeGreaterThan(0);
        expect(Number.isInteger(num(r, 'employees'))).toBe(true);
        const carbon = num(r, 'carbon_t');
        expect(carbon === null).toBe(num(r, 'emissions_t') === null);
        if (carbon !== null) {
          expect(carbon / num(r, 'energy_tce')!).toBeGreaterThanOrEqual(2.39);
          expect(carbon / num(r, 'energy_tce')!).toBeLessThanOrEqual(2.81);
        }
        const rd = num(r, 'rd_expense');
        if (rd === null) expect(r['scale']).toBe('below');
        if (flagsOf(r).includes('high_tech') && !flagsOf(r).includes('exempt')) {
          expect(rd! / rev).toBeGreaterThanOrEqual(0.0099);
          expect(rd! / rev).toBeLessThanOrEqual(0.0501);
        }
      }
      const missingEmissions = share(records, (r) => r['emissions_t'] === null);
      expect(missingEmissions).toBeGreaterThan(0.02);
      expect(missingEmissions).toBeLessThan(0.08);
      expect(records.filter((r) => r['rd_expense'] === null).length).toBeGreaterThan(10);
      expect(share(records, (r) => r['rd_expense'] === 0)).toBeGreaterThan(0.15);
      // heavy industries use more energy per 万元
      const intensity = (prefix: string) => {
        const rs = records.filter((r) => String(r['industry']).startsWith(prefix));
        return rs.reduce((s, r) => s + num(r, 'energy_tce')!, 0) / rs.reduce((s, r) => s + num(r, 'revenue')!, 0);
      };
      expect(intensity('C307')).toBeGreaterThan(5 * intensity('C39'));
      expect(intensity('C26')).toBeGreaterThan(3 * intensity('C34'));
      // above-scale enterprises are bigger
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const landMedian = (s: string) =>
        median(records.filter((r) => r['scale'] === s && num(r, 'land_mu')).map((r) => num(r, 'land_mu')!));
      expect(landMedian('above')).toBeGreaterThan(2 * landMedian('below'));
    }
  });

  it('has the flags in the designed numbers', () => {
    for (const { year, records } of data) {
      const count = (flag: string) => records.filter((r) => flagsOf(r).includes(flag)).length;
      expect(count('high_tech') / records.length).toBeGreaterThan(0.07);
      expect(count('high_tech') / records.length).toBeLessThan(0.14);
      expect(count('specialized') / records.length).toBeGreaterThan(0.03);
      expect(count('specialized') / records.length).toBeLessThan(0.09);
      expect(count('safety_accident')).toBeGreaterThanOrEqual(1);
      expect(count('safety_accident')).toBeLessThanOrEqual(2);
      expect(count('environmental_violation')).toBe(1);
      expect(count('exempt')).toBeGreaterThanOrEqual(4);
      expect(count('exempt')).toBeLessThanOrEqual(8);
      for (const r of records) for (const f of flagsOf(r)) expect(Object.keys(FLAG_SOURCE)).toContain(f);
      // new projects report small numbers
      const exemptRev = records.filter((r) => flagsOf(r).includes('exempt')).map((r) => num(r, 'revenue')! / num(r, 'land_mu')!);
      const othersRev = records
        .filter((r) => !flagsOf(r).includes('exempt') && num(r, 'land_mu'))
        .map((r) => num(r, 'revenue')! / num(r, 'land_mu')!);
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      expect(mean(exemptRev), String(year)).toBeLessThan(mean(othersRev));
    }
  });

  it('has landlords and tenants whose landlord is in the data', () => {
    for (const { records } of data) {
      const byUscc = new Map(records.map((r) => [r['uscc'], r]));
      const landlords = records.filter((r) => num(r, 'tenants')! > 0);
      expect(landlords.length).toBeGreaterThanOrEqual(12);
      expect(landlords.length).toBeLessThanOrEqual(18);
      for (const l of landlords) expect(num(l, 'tenants')).toBeLessThanOrEqual(4);
      const tenants = records.filter((r) => r['landlord_uscc'] !== null);
      expect(tenants.length).toBeGreaterThanOrEqual(8);
      expect(tenants.length).toBeLessThanOrEqual(12);
      expect(tenants.filter((t) => t['scale'] === 'below').length).toBeGreaterThan(tenants.length / 2);
      for (const t of tenants) {
        const l = byUscc.get(t['landlord_uscc']);
        expect(l).toBeDefined();
        expect(t['land_mu'] === null || t['land_mu'] === 0).toBe(true);
        expect(t['town']).toBe(l!['town']);
        const inData = tenants.filter((x) => x['landlord_uscc'] === l!['uscc']).length;
        expect(num(l!, 'tenants')!).toBeGreaterThanOrEqual(inData);
      }
      expect(tenants.some((t) => t['land_mu'] === null)).toBe(true);
      expect(tenants.some((t) => t['land_mu'] === 0)).toBe(true);
    }
  });
});

/** Merge the department uploads on the credit code: fields union, flags union (as the import should). */
function merge(uploads: { source: string; records: MujunRecord[] }[]): Map<string, MujunRecord> {
  const out = new Map<string, MujunRecord>();
  for (const { records } of uploads)
    for (const row of records) {
      const u = String(row['uscc']);
      const rec = out.get(u) ?? { uscc: u, name: row['name'] ?? null };
      for (const [k, v] of Object.entries(row)) {
        if (k === 'uscc' || k === 'name') continue;
        if (k === 'flags') {
          const all = new Set([...flagsOf(rec), ...flagsOf(row)]);
          rec['flags'] = all.size > 0 ? [...all].join(';') : null;
        } else rec[k] = v;
      }
      out.set(u, rec);
    }
  return out;
}

describe('departmentUploads', () => {
  it('is deterministic and rejects unknown years', () => {
    expect(departmentUploads(2022)).toEqual(departmentUploads(2022));
    expect(() => departmentUploads(2020)).toThrow(RangeError);
  });

  it('plants the documented inconsistencies', () => {
    const kinds = (year: number, kind: string) => PLANTED_INCONSISTENCIES.filter((p) => p.year === year && p.kind === kind);
    for (const year of [2021, 2022]) {
      expect(kinds(year, 'missing_row')).toHaveLength(3);
      expect(new Set(kinds(year, 'missing_row').map((p) => p.source)).size).toBe(1);
      expect(kinds(year, 'name_mismatch')).toHaveLength(2);
    }
    expect(kinds(2021, 'outlier')).toHaveLength(0);
    const outliers = kinds(2022, 'outlier');
    expect(outliers.length).toBeGreaterThanOrEqual(2);
    expect(outliers.length).toBeLessThanOrEqual(3);
    for (const o of outliers) {
      const ratio = Number(o.uploaded) / Number(o.previous);
      expect(ratio > 5 || ratio < 0.2).toBe(true);
      expect(recordsOf(2022).find((r) => r['uscc'] === o.uscc)![o.field!]).toBe(o.expected);
    }
    const uscc = PLANTED_INCONSISTENCIES.map((p) => `${p.year}:${p.uscc}`);
    expect(new Set(uscc).size).toBe(uscc.length);
    for (const p of PLANTED_INCONSISTENCIES) expect(DATA_SOURCES.map((s) => s.id)).toContain(p.source);
  });

  for (const year of [2021, 2022]) {
    it(`${year}: the department split merges back to the year's records, except the planted inconsistencies`, () => {
      const records = recordsOf(year);
      const uploads = departmentUploads(year);
      const planted = PLANTED_INCONSISTENCIES.filter((p) => p.year === year);
      expect(uploads.map((u) => u.source)).toEqual(DATA_SOURCES.map((s) => s.id));
      const known = new Set(records.map((r) => String(r['uscc'])));

      const missing: string[] = [];
      const names: string[] = [];
      for (const { source, records: rows } of uploads) {
        const src = DATA_SOURCES.find((s) => s.id === source)!;
        const present = new Set<string>();
        for (const row of rows) {
          const u = String(row['uscc']);
          expect(known.has(u)).toBe(true);
          expect(present.has(u)).toBe(false);
          present.add(u);
          expect(Object.keys(row).sort()).toEqual(['uscc', 'name', ...src.fields].sort());
          if (src.fields.includes('flags')) for (const f of flagsOf(row)) expect(FLAG_SOURCE[f] ?? 'industry').toBe(source);
        }
        for (const r of records) {
          const u = String(r['uscc']);
          if (!present.has(u)) missing.push(`${source}:${u}`);
        }
        const nameOf = new Map(records.map((r) => [r['uscc'], r['name']]));
        for (const row of rows)
          if (row['name'] !== nameOf.get(row['uscc'])) names.push(`${source}:${row['uscc']}:${row['name']}`);
      }
      const expectKeys = (kind: string, f: (p: (typeof planted)[number]) => string) =>
        planted
          .filter((p) => p.kind === kind)
          .map(f)
          .sort();
      expect(missing.sort()).toEqual(expectKeys('missing_row', (p) => `${p.source}:${p.uscc}`));
      expect(names.sort()).toEqual(expectKeys('name_mismatch', (p) => `${p.source}:${p.uscc}:${p.uploaded}`));

      const merged = merge(uploads);
      expect(merged.size).toBe(records.length);
      const diffs: string[] = [];
      const skip = new Set(
        planted
          .filter((p) => p.kind === 'missing_row')
          .flatMap((p) => DATA_SOURCES.find((s) => s.id === p.source)!.fields.map((f) => `${p.uscc}:${f}`)),
      );
      for (const r of records) {
        const m = merged.get(String(r['uscc']))!;
        for (const { key } of INPUT_FIELDS) {
          if (key === 'uscc' || key === 'name' || skip.has(`${r['uscc']}:${key}`)) continue;
          if (key === 'flags') {
            if ([...flagsOf(m)].sort().join(';') !== [...flagsOf(r)].sort().join(';')) diffs.push(`${r['uscc']}:flags`);
          } else if ((m[key] ?? null) !== r[key]) diffs.push(`${r['uscc']}:${key}:${m[key]}`);
        }
      }
      expect(diffs.sort()).toEqual(expectKeys('outlier', (p) => `${p.uscc}:${p.field}:${p.uploaded}`));
    });
  }
});

describe('evaluating the demo district with the default scheme', () => {
  for (const year of [2021, 2022]) {
    it(`${year}: four classes in both groups, tenants take their landlord's class, new projects are exempt`, () => {
      const records = recordsOf(year);
      const res = evaluate(defaultScheme(year), makeTable(records));
      expect(res.warnings).toEqual([]);
      for (const g of res.groups) {
        expect(g.n).toBeGreaterThan(150);
        expect(Object.keys(g.classCounts).sort()).toEqual(['A', 'B', 'C', 'D']);
        // no indicator falls back to its group's benchmark for every division
        for (const [id, b] of Object.entries(g.benchmarks)) expect(b, `${g.id}.${id}`).toBeGreaterThan(0);
      }
      const byUscc = new Map(res.results.map((r) => [r.uscc, r]));
      const tenants = records.filter((r) => r['landlord_uscc'] !== null);
      for (const t of tenants) {
        const r = byUscc.get(String(t['uscc']))!;
        expect(r.status).toBe('tenant');
        const landlord = byUscc.get(String(t['landlord_uscc']))!;
        expect(landlord.status).toBe('scored');
        expect(r.class).toBe(landlord.class);
        expect(r.class).not.toBeNull();
      }
      const exempt = records.filter((r) => flagsOf(r).includes('exempt'));
      expect(exempt.length).toBeGreaterThan(0);
      for (const e of exempt) {
        const r = byUscc.get(String(e['uscc']))!;
        expect(r.status).toBe('exempt');
        expect(r.class).toBe('T');
      }
      for (const r of records) {
        const res1 = byUscc.get(String(r['uscc']))!;
        if (flagsOf(r).includes('safety_accident') || flagsOf(r).includes('environmental_violation')) {
          expect(res1.status).toBe('scored');
          expect(res1.class).toBe('D');
        }
      }
      // the demo enterprise account's firm (anyuan.ts): above scale in 青山镇, class A
      const demo = byUscc.get(DEMO_ENTERPRISE_USCC);
      expect(demo?.group).toBe('above');
      expect(demo?.class).toBe('A');
      expect(records.find((r) => r['uscc'] === DEMO_ENTERPRISE_USCC)!['town']).toBe('青山镇');
      // small plots below scale are not evaluated
      const unevaluated = res.results.filter((r) => r.status === 'unevaluated');
      expect(unevaluated.length).toBeGreaterThan(0);
      for (const u of unevaluated)
        expect(
          num(
            records.find((r) => r['uscc'] === u.uscc)!,
            'land_mu',
          ),
        ).toBeLessThan(3);
      // the evaluation differentiates: totals spread widely
      const totals = res.results.filter((r) => r.status === 'scored').map((r) => r.total!);
      expect(Math.max(...totals) - Math.min(...totals)).toBeGreaterThan(60);
    });
  }
});
