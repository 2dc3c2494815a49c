/** Reads the labelled meeting-report corpus (test/meetings/corpus/NAME.txt + NAME.json) and the seed, for scoring. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SEED_DIRECTIVES, type LabelledReport } from '../../src/domain/meetings/evaluate-corpus.js';

export const CORPUS_DIR = fileURLToPath(new URL('./corpus/', import.meta.url));
const SEED_FILE = fileURLToPath(new URL('../../src/domain/meetings/fixtures/anyuan-seed-2022-02-11.txt', import.meta.url));

/** Every report with a label file, by name; a label file without `directives` (a string array) is an error. */
export function loadCorpus(dir = CORPUS_DIR): LabelledReport[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && existsSync(`${dir}/${f.replace(/\.json$/, '.txt')}`))
    .sort()
    .map((f) => {
      const id = f.replace(/\.json$/, '');
      const label = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as { directives?: unknown };
      const { directives } = label;
      if (!Array.isArray(directives) || !directives.every((d) => typeof d === 'string')) {
        throw new Error(`${f}: "directives" must be an array of strings`);
      }
      return { id, text: readFileSync(`${dir}/${id}.txt`, 'utf8'), directives: directives as string[] };
    });
}

export function loadSeed(): LabelledReport {
  return { id: 'seed', text: readFileSync(SEED_FILE, 'utf8'), directives: [...SEED_DIRECTIVES] };
}
