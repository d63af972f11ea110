import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/shared.js';
import { sendJson, startServer, type TestServer } from './runtime/test-server.js';
import { buildFrom, cleanup, compile, sdkFiles, tempDir, writeFiles } from './sdk-harness.js';

const run = promisify(execFile);
const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
/** Node loads ES modules through require() from 20.19 on (unflagged). */
const requireEsm = major > 20 || (major === 20 && minor >= 19);

/**
 * The SDK package as an app installs it: the package.json exports, loaded by the real node of
 * this machine from a CommonJS file and from an ES module, calling a real local server.
 */
describe('the generated SDK package, installed in an app', { timeout: 120_000 }, () => {
  const dir = tempDir('sdk-package');
  const sdkDir = join(dir, 'sdk');
  const app = join(dir, 'app');
  let server: TestServer;

  beforeAll(async () => {
    writeFiles(dir, sdkFiles((await buildFrom(['docs-input'], ['sdk'])).files));
    expect(compile(sdkDir)).toEqual([]);
    // `npm install path/to/sdk` copies the package into the app's node_modules; zod is the app's
    mkdirSync(join(app, 'node_modules'), { recursive: true });
    cpSync(sdkDir, join(app, 'node_modules/genauth-sdk'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules/zod'), join(app, 'node_modules/zod'), 'dir');
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    cleanup(dir);
  });

  const script = (kind: 'cjs' | 'mjs', body: string): string => {
    const file = join(app, `main.${kind}`);
    writeFileSync(file, body);
    return file;
  };

  it.skipIf(!requireEsm)("require('genauth-sdk') works from CommonJS (Node ≥ 20.19), subpaths too, and calls the API", async () => {
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200, message: 'ok', data: { success: true } }));
    const file = script(
      'cjs',
      `const sdk = require('genauth-sdk');
const { AuthenticationClient } = require('genauth-sdk/clients/authentication-client');
const pkg = require('genauth-sdk/package.json');
if (sdk.AuthenticationClient !== AuthenticationClient) throw new Error('two copies of the client');
const client = new sdk.AuthenticationClient({ appId: 'app1', appHost: process.argv[2] });
client.setAccessToken('token-after-login');
client.resetFactor({ factorId: 'f1' }).then((r) => console.log(JSON.stringify({ name: pkg.name, result: r, errors: typeof sdk.ApiError })));
`,
    );
    const { stdout } = await run(process.execPath, [file, server.host], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({ name: 'genauth-sdk', result: { statusCode: 200, message: 'ok', data: { success: true } }, errors: 'function' });
    expect(server.requests[0]!.headers['authorization']).toBe('token-after-login');
    expect(server.requests[0]!.headers['x-genauth-app-id']).toBe('app1');
  });

  it('import works from an ES module', async () => {
    const file = script('mjs', `import { ManagementClient } from 'genauth-sdk';\nimport { IsSuccessDtoSchema } from 'genauth-sdk';\nconsole.log(typeof ManagementClient, IsSuccessDtoSchema.safeParse({ success: true }).success);\n`);
    const { stdout } = await run(process.execPath, [file], { cwd: app });
    expect(stdout.trim()).toBe('function true');
  });

  it('setAccessToken() changes the token of the requests that follow, not of the options object given', async () => {
    const file = script(
      'mjs',
      `import { AuthenticationClient } from 'genauth-sdk';
const options = { appId: 'app1', appHost: process.argv[2], accessToken: 'first' };
const client = new AuthenticationClient(options);
await client.resetFactor({ factorId: 'f1' });
client.setAccessToken('second');
await client.resetFactor({ factorId: 'f1' });
console.log(options.accessToken);
`,
    );
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200, message: 'ok' }));
    const { stdout } = await run(process.execPath, [file, server.host], { cwd: app });
    expect(server.requests.map((r) => r.headers['authorization'])).toEqual(['first', 'second']);
    expect(stdout.trim()).toBe('first');
  });

  it('carries a .gitignore that keeps npm install and the build out of git', async () => {
    const ignore = readFileSync(join(sdkDir, '.gitignore'), 'utf8');
    const repo = join(dir, 'repo');
    cpSync(sdkDir, join(repo, 'sdk'), { recursive: true });
    mkdirSync(join(repo, 'sdk/node_modules/zod'), { recursive: true });
    writeFileSync(join(repo, 'sdk/node_modules/zod/index.js'), '');
    writeFileSync(join(repo, 'sdk/package-lock.json'), '{}');
    writeFileSync(join(repo, 'sdk/yarn.lock'), '');
    writeFileSync(join(repo, 'sdk/tsconfig.tsbuildinfo'), '{}');
    await run('git', ['init', '-q'], { cwd: repo });
    const status = (await run('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repo })).stdout;
    // the list generate keeps and check ignores (SDK_KEEPS), anchored to the SDK folder
    expect(ignore).toMatch(/^\/node_modules$/m);
    expect(status).not.toMatch(/node_modules|dist\/|package-lock\.json|yarn\.lock|tsbuildinfo/);
    expect(status).toContain('sdk/src/index.ts');
    expect(status).toContain('sdk/.gitignore');
  });
});
