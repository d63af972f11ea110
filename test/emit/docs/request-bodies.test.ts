import { join } from 'node:path';
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, test } from 'vitest';
import { emitDocs } from '../../../generator/emit/docs/index.js';
import { parseMarkdown } from '../../../generator/emit/docs/markdown.js';
import { ingest } from '../../../generator/ingest/index.js';
import { packageAssets } from '../../../generator/package-assets.js';
import { config, ROOT } from './round-trip-helpers.js';

/**
 * Method pages of spec operations document every argument: the parameters, the request body as
 * one argument, and the fields of an inline body object (issue 11, item 8). Real operations of
 * Stripe's and Twilio's specs (test/fixtures/openapi/real/README.md).
 */
const STRIPE = 'test/fixtures/openapi/real/stripe/customers-files-quotes.json';
const TWILIO = 'test/fixtures/openapi/real/twilio/messages.json';

async function pages(): Promise<Map<string, string>> {
  const r = await ingest([STRIPE, TWILIO], { cwd: ROOT });
  const out = await emitDocs(r.api, { config: config(), templatesDir: join(ROOT, 'templates'), assets: packageAssets() });
  return new Map(out.files.map((f) => [f.path.replace(/^docs\//, ''), f.contents]));
}

/** Each table of the parameters section as rows of cell texts (header row first). */
const tables = (markdown: string): string[][][] =>
  parseMarkdown(markdown.slice(markdown.indexOf('## Request parameters'), markdown.indexOf('## Sample code')))
    .children.filter((n): n is Table => n.type === 'table')
    .map((t) => t.children.map((row) => row.children.map((c) => toString(c))));

const names = (table: string[][]): string[] => table.slice(1).map((row) => row[0]!);

describe('method pages document request bodies (real specs)', { timeout: 30_000 }, async () => {
  const all = await pages();
  const page = (suffix: string): string => {
    const hit = [...all.entries()].find(([path]) => path.endsWith(suffix));
    if (!hit) throw new Error(`no page ${suffix} among ${[...all.keys()].join(', ')}`);
    return hit[1];
  };

  test('Stripe post-customers: the body argument, then every field of the form body', () => {
    const md = page('post-customers.md');
    expect(md).not.toContain('This method takes no parameters');
    const [params, body] = tables(md);
    expect(names(params!)).toEqual(['body']);
    expect(md).toContain('### `body`');
    expect(names(body!)).toEqual(expect.arrayContaining(['address', 'balance', 'description', 'email', 'metadata', 'name', 'phone', 'tax_id_data']));
    const metadata = body!.find((row) => row[0] === 'metadata')!;
    expect(metadata.join(' ')).toContain('Set of key-value pairs');
  });

  test('Twilio create-message: the path parameter and the body fields, required ones marked', () => {
    const md = page('create-message.md');
    const [params, body] = tables(md);
    expect(names(params!)).toEqual(['AccountSid', 'body']);
    const fields = names(body!);
    expect(fields).toEqual(expect.arrayContaining(['To', 'From', 'Body', 'MediaUrl', 'StatusCallback', 'MessagingServiceSid']));
    const required = body![0]!.findIndex((h) => h.includes('Required'));
    expect(body!.find((row) => row[0] === 'To')![required]).toBe('Yes');
    expect(body!.find((row) => row[0] === 'Body')![required]).toBe('No');
  });

  test("Stripe's empty form body on a GET is not an argument (fetch cannot send it)", () => {
    const md = page('get-customers.md');
    const [params] = tables(md);
    expect(names(params!)).toEqual(['created', 'email', 'ending_before', 'expand', 'limit', 'starting_after', 'test_clock']);
    expect(md).not.toContain('### `body`');
  });
});
