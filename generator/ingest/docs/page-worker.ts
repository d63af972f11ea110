import { parentPort, workerData } from 'node:worker_threads';
import type { PageSource } from './page-sources.js';
import { parsePage } from './parse-page.js';

/** Worker thread body: parses its share of the pages and sends the results back. */
const { sources } = workerData as { sources: PageSource[] };
parentPort!.postMessage(sources.map((s) => parsePage(s.file, s.text, s.expansion)));
