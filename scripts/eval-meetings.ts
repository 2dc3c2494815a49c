/**
 * `npm run eval:meetings`: parses every labelled report of test/meetings/corpus and the seed, matches the predicted
 * top-level directives to the labels (src/domain/meetings/evaluate-corpus.ts) and prints, per report, found /
 * labelled / predicted with the misses and the extra predictions, then recall and precision over the corpus and the
 * seed's result. Exit code 0 whatever the figures (non-zero only on a crash); the thresholds are asserted by
 * test/meetings/eval.test.ts.
 */
import { scoreReport, totals, type LabelledReport } from '../src/domain/meetings/evaluate-corpus.js';
import { parseMeetingReport } from '../src/domain/meetings/parser.js';
import { loadCorpus, loadSeed } from '../test/meetings/load-corpus.js';

const parse = (r: LabelledReport) => parseMeetingReport(r.text, { today: '2026-05-01', unitHints: [] });
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

const corpus = loadCorpus();
const scores = corpus.map((r) => scoreReport(r, parse(r)));
for (const s of scores) {
  console.log(`${s.id}  found ${s.found}/${s.labelled}  predicted ${s.predicted}`);
  for (const m of s.misses) console.log(`    miss:  ${m}`);
  for (const e of s.extras) console.log(`    extra: ${e}`);
}
const all = totals(scores);
console.log(
  `\ncorpus: ${all.reports} reports, ${all.labelled} labelled, ${all.predicted} predicted, ${all.found} found` +
    `\nrecall ${pct(all.recall)} (${all.found}/${all.labelled})  precision ${pct(all.precision)} (${all.found}/${all.predicted})`,
);
const seed = loadSeed();
const ss = scoreReport(seed, parse(seed));
console.log(`\nseed (安源区 2022-02-11): ${ss.found}/${ss.labelled} found, ${ss.predicted} predicted`);
seed.directives.forEach((d, i) => console.log(`    ${i + 1}. ${d}`));
for (const m of ss.misses) console.log(`    miss:  ${m}`);
for (const e of ss.extras) console.log(`    extra: ${e}`);
