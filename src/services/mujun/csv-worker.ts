/**
 * Worker thread of `readCsvInParts` (csv-parallel.ts): reads one part of a CSV file and posts back its `TablePart`,
 * the typed arrays transferred. Bundled as dist/cli/csv-worker.js (scripts/build-cli.mjs), so it needs no TypeScript
 * loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { partReply, type PartJob } from './csv-parallel.js';

const { reply, transfer } = partReply(workerData as PartJob);
parentPort!.postMessage(reply, transfer);
// stay alive until the reader terminates this thread on receiving the reply: a thread that ended by itself right
// after posting could be seen to exit before its message arrived, and the file would be read again on one thread
parentPort!.on('message', () => undefined);
