import { describe, expect, it } from 'vitest';
import {
  controlRowFor,
  controlTableProblems,
  controlTableSchema,
  ILLUSTRATIVE_CONTROL_TABLE as T,
  judgeAcceptance,
  measureActuals,
  resolveCommitments,
  type AcceptanceSubject,
} from './commitments.js';

describe('the control table', () => {
  it('ships an illustrative table that validates', () => {
    expect(controlTableSchema.parse(T).illustrative).toBe(true);
    expect(controlTableProblems(T)).toEqual([]);
  });

  it('names unknown fields, bad formulas, duplicate ids and undefined indicators', () => {
    const bad = {
      ...T,
      indicators: [...T.indicators, { id: 'tax_per_mu', name: '重复', unit: '', direction: 'min' as const, formula: 'taxx / land_mu' }, { id: 'x', name: '坏公式', unit: '', direction: 'min' as const, formula: 'tax / (' }],
      rows: [...T.rows, { industryPrefix: '39', label: '重复行', values: { nope: 1 } }],
    };
    const msgs = controlTableProblems(bad).map((p) => `${p.path} ${p.message}`);
    expect(msgs).toContain('indicators.6.id 指标标识“tax_per_mu”重复');
    expect(msgs).toContain('indicators.6.formula 指标“重复”的公式用到未知字段“taxx”');
    expect(msgs.some((m) => m.startsWith('indicators.7.formula 指标“坏公式”的公式有误'))).toBe(true);
    expect(msgs).toContain('rows.6.industryPrefix 行业“39”重复');
    expect(msgs).toContain('rows.6.values.nope “重复行”中的指标“nope”未定义');
  });

  it('picks the longest matching industry prefix, with the catch-all row last', () => {
    expect(controlRowFor(T, '3912')!.label).toBe('计算机、通信和其他电子设备制造业');
    expect(controlRowFor(T, 'C3912')!.label).toBe('计算机、通信和其他电子设备制造业');
    expect(controlRowFor(T, '1351')!.label).toBe('其他制造业');
    expect(controlRowFor({ ...T, rows: T.rows.filter((r) => r.industryPrefix) }, '1351')).toBeNull();
  });
});

describe('commitments and acceptance', () => {
  it('takes the table values and overrides with a reason', () => {
    const { commitments, problems } = resolveCommitments(T, '3912', [{ indicatorId: 'tax_per_mu', value: 30, reason: '投资协议约定' }]);
    expect(problems).toEqual([]);
    const tax = commitments.find((c) => c.indicatorId === 'tax_per_mu')!;
    expect(tax).toMatchObject({ value: 30, tableValue: 25, overrideReason: '投资协议约定' });
    expect(commitments.find((c) => c.indicatorId === 'investment_intensity')!.value).toBe(400);
    expect(resolveCommitments(T, '3912', [{ indicatorId: 'tax_per_mu', value: 30, reason: ' ' }]).problems[0]!.message).toBe(
      '调整“亩均税收”的承诺值须填写理由',
    );
  });

  it('measures actuals with the 亩均 expression engine, columnar over many projects', () => {
    const subjects: AcceptanceSubject[] = [
      { investment: 60000, fixedInvestment: 40000, landMu: 100, record: { tax: 3000, land_mu: 100, value_added: 20000, energy_tce: 3000, emissions_t: 20, rd_expense: 2000, revenue: 50000 } },
      { investment: 10000, fixedInvestment: 5000, landMu: 50, record: null },
    ];
    const m = measureActuals(T, subjects);
    expect(Array.from(m.get('tax_per_mu')!)).toEqual([30, NaN]);
    expect(Array.from(m.get('investment_intensity')!)).toEqual([400, 100]);
    expect(m.get('energy_per_va')![0]).toBeCloseTo(0.15);
    expect(m.has('plot_ratio')).toBe(false); // entered with evidence
  });

  it('judges pass, fail with shortfall and penalty, and incomplete', () => {
    const { commitments } = resolveCommitments(T, '3912', []);
    const subject: AcceptanceSubject = { investment: 60000, fixedInvestment: 40000, landMu: 100, record: null };
    const measured = new Map([
      ['investment_intensity', 400],
      ['tax_per_mu', 20],
      ['energy_per_va', 0.15],
      ['va_per_emission', 1000],
      ['rd_ratio', 4],
    ]);
    const fail = judgeAcceptance(T, commitments, measured, new Map([['plot_ratio', 1.6]]), subject);
    expect(fail.verdict).toBe('fail');
    expect(fail.failed).toBe(1);
    const tax = fail.indicators.find((i) => i.indicatorId === 'tax_per_mu')!;
    expect(tax).toMatchObject({ committed: 25, actual: 20, verdict: 'fail', shortfall: 5, shortfallRatio: 0.2, from: 'data' });
    expect(fail.indicators.find((i) => i.indicatorId === 'plot_ratio')).toMatchObject({ from: 'entered', verdict: 'pass' });
    expect(fail.penalty).toBe(80); // 40000 × 1% × 0.2
    const incomplete = judgeAcceptance(T, commitments, measured, new Map(), subject);
    // tax fails anyway, so it is still a failure; with tax met it would be incomplete
    expect(incomplete.verdict).toBe('fail');
    const noTaxGap = new Map(measured).set('tax_per_mu', 26);
    expect(judgeAcceptance(T, commitments, noTaxGap, new Map(), subject).verdict).toBe('incomplete');
    expect(judgeAcceptance(T, commitments, noTaxGap, new Map([['plot_ratio', 1.5]]), subject)).toMatchObject({ verdict: 'pass', failed: 0, penalty: 0 });
  });

  it('treats “at most” indicators the other way round', () => {
    const { commitments } = resolveCommitments(T, '3912', []);
    const r = judgeAcceptance(T, commitments, new Map([['energy_per_va', 0.25]]), new Map(), { investment: 1, fixedInvestment: 1, landMu: 1, record: null });
    expect(r.indicators.find((i) => i.indicatorId === 'energy_per_va')).toMatchObject({ verdict: 'fail', shortfall: 0.05 });
  });
});
