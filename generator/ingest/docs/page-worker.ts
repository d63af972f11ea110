import { parentPort, workerData } from 'node:worker_threads';
import { parsePage } from './parse-page.js';

/** Worker thread body: parses its share of the pages and sends the results back. */
const { files, texts } = workerData as { files: string[]; texts: string[] };
parentPort!.postMessage(files.map((f, i) => parsePage(f, texts[i]!)));
