import { describe, expect, it } from 'vitest';
import { scoreReport, totals, SEED_DIRECTIVES, type LabelledReport } from '../../src/domain/meetings/evaluate-corpus.js';
import { parseMeetingReport } from '../../src/domain/meetings/parser.js';
import { loadCorpus, loadSeed } from './load-corpus.js';

const parse = (r: LabelledReport) => parseMeetingReport(r.text, { today: '2026-05-01', unitHints: [] });

describe('the parser on the labelled corpus (what npm run eval:meetings prints)', () => {
  const corpus = loadCorpus();
  const scores = corpus.map((r) => scoreReport(r, parse(r)));
  const all = totals(scores);

  it('has a corpus whose labels are all in their texts', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    for (const s of scores) expect(s.misses.filter((m) => m.includes('标注未在原文中找到')), s.id).toEqual([]);
    // each label occurs once in its text, and the labels follow the text's order
    for (const r of corpus) {
      const at = r.directives.map((d) => r.text.indexOf(d));
      for (const [i, d] of r.directives.entries()) expect(r.text.indexOf(d, at[i]! + 1), `${r.id}: ${d}`).toBe(-1);
      expect(at, r.id).toEqual([...at].sort((a, b) => a - b));
    }
  });

  it('finds at least 90 % of the labelled directives, and at least 90 % of what it finds are labelled', () => {
    const detail = scores
      .filter((s) => s.misses.length > 0 || s.extras.length > 0)
      .map((s) => `${s.id}: ${s.found}/${s.labelled}/${s.predicted} miss ${s.misses.join(' | ')} extra ${s.extras.join(' | ')}`)
      .join('\n');
    expect(all.recall, detail).toBeGreaterThanOrEqual(0.9);
    expect(all.precision, detail).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the seed’s six directives and nothing else', () => {
    const seed = loadSeed();
    const s = scoreReport(seed, parse(seed));
    expect(s).toMatchObject({ labelled: 6, found: 6, predicted: 6, misses: [], extras: [] });
    expect(seed.directives).toEqual(SEED_DIRECTIVES);
  });
});

describe('the matching', () => {
  const report: LabelledReport = {
    id: 'x',
    text: '会议强调，一要加快项目建设；二要抓紧招商引资；三要做好安全生产。',
    directives: ['加快项目建设', '抓紧招商引资', '做好安全生产'],
  };
  const result = parse(report);

  it('matches each label once, by its place in the normalised text', () => {
    expect(scoreReport(report, result)).toMatchObject({ found: 3, labelled: 3, predicted: 3, misses: [], extras: [] });
    // full-width punctuation and line breaks in the text, half-width in the labels
    const wide: LabelledReport = {
      id: 'w',
      text: '会议强调：\r\n一要加快项目建设，确保开工；\r\n二要抓紧招商引资。',
      directives: ['加快项目建设,确保开工', '抓紧招商引资'],
    };
    expect(scoreReport(wide, parse(wide))).toMatchObject({ found: 2, misses: [] });
  });

  it('counts a prediction far from its label, a missing one and an extra one', () => {
    const shifted = { ...report, directives: ['项目建设', '做好安全生产', '不在原文里'] };
    const s = scoreReport(shifted, result);
    expect(s.found).toBe(2);
    expect(s.misses).toEqual(['不在原文里（标注未在原文中找到）']);
    expect(s.extras).toEqual(['二要抓紧招商引资']);
    const late = { ...report, directives: ['确保'] };
    const far = parseMeetingReport(`会议强调，一要${'加'.repeat(40)}确保。二要抓紧。`, { today: '2026-05-01', unitHints: [] });
    expect(scoreReport({ ...late, text: `会议强调，一要${'加'.repeat(40)}确保。二要抓紧。` }, far).found).toBe(0);
    expect(totals([s])).toMatchObject({ labelled: 3, predicted: 3, found: 2, recall: 2 / 3, precision: 2 / 3 });
  });
});
