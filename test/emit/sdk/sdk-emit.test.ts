import { OWNERSHIP_MARKER } from '../../../generator/output/owned.js';
import { readFileSync, readdirSync } from 'node:fs';
import { packageAssets } from '../../../generator/package-assets.js';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sdkNames } from '../../../generator/emit/sdk/names.js';
import { readRuntime } from '../../../generator/emit/sdk/runtime-files.js';
import { methodTypes, reachableTypes } from '../../../generator/ir/walk.js';
import { isSafeOutputPath } from '../../../generator/output/files.js';
import { ROOT } from '../../helpers/shared.js';
import { buildFrom, sdkFiles } from './sdk-harness.js';

describe('SDK emitter on docs-input', async () => {
  const first = await buildFrom(['docs-input']);
  const files = sdkFiles(first.files);
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  const entry = byPath.get('sdk/src/index.ts') ?? '';

  it('is deterministic: two builds give byte-identical files', async () => {
    const second = sdkFiles((await buildFrom(['docs-input'])).files);
    expect(second.map((f) => f.path)).toEqual(files.map((f) => f.path));
    for (const f of second) expect(f.contents, f.path).toBe(byPath.get(f.path));
  });

  it('the committed generated/sdk is exactly what generate writes', () => {
    const dir = join(ROOT, 'generated/sdk');
    const onDisk = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(join(ROOT, 'generated').length + 1).split('\\').join('/'))
      .sort();
    // and the marker the writer puts in every folder it owns
    expect(onDisk).toEqual([...files.map((f) => f.path), `sdk/${OWNERSHIP_MARKER}`].sort());
    for (const f of files) expect(readFileSync(join(ROOT, 'generated', f.path), 'utf8'), f.path).toBe(f.contents);
  });

  it('exports both clients, ApiError, every DTO with its schema and every params type with its schema', () => {
    expect(entry).toContain("export * from './runtime/index.js';");
    expect(entry).toMatch(/export \{ ManagementClient \} from '\.\/clients\/management-client\.js';/);
    expect(entry).toMatch(/export \{ AuthenticationClient \} from '\.\/clients\/authentication-client\.js';/);
    expect(readRuntime(packageAssets().runtimeDir)!.exports).toContain('ApiError');
    for (const t of first.ingest.api.types) expect(entry).toContain(`type ${t.name}, ${t.name}Schema`);
    for (const stem of ['GetUserMfaInfoParams', 'GetUserPrincipalAuthenticationInfoParams', 'ResetUserPrincipalAuthenticationInfoParams', 'ResetFactorParams']) {
      expect(entry).toContain(`type ${stem}, ${stem}Schema`);
    }
    expect(entry).toContain('PrincipalAuthenticationInfoDtoSchema');
  });

  it('one camelCase method per IR method, typed params and response, verb and path from the IR', () => {
    const mgmt = byPath.get('sdk/src/clients/management-client.ts')!;
    expect(mgmt).toContain('getUserMfaInfo(params: GetUserMfaInfoParams, options?: RequestOptions): Promise<UserMfaSingleRespDto>');
    expect(mgmt).toContain('resetUserPrincipalAuthenticationInfo(params: ResetUserPrincipalAuthenticationInfoParams, options?: RequestOptions): Promise<IsSuccessRespDto>');
    expect(mgmt).toContain("method: 'GET',\n    path: '/api/v3/get-user-mfa-info'");
    // the profile's scheme, server and envelope (sdkforge.config.json), not built-in defaults
    expect(mgmt).toContain('new HttpClient(options, { auth: securityAuth(SECURITY_SCHEMES, { genauthSignature: options }), servers: SERVERS, security: [{ genauthSignature: [] }], envelope: ENVELOPE })');
    const auth = byPath.get('sdk/src/clients/authentication-client.ts')!;
    expect(auth).toContain('resetFactor(params: ResetFactorParams, options?: RequestOptions): Promise<ResetFactorRespDto>');
    // the client works on its own copy of the options: setAccessToken() changes it, not the caller's object
    expect(auth).toContain('this.options = options = { ...options };\n    this.http = new HttpClient(options, { auth: securityAuth(SECURITY_SCHEMES, { genauthApp: options }), host: options.appHost ?? options.host, servers: SERVERS, security: [{ genauthApp: [] }], envelope: ENVELOPE })');
    expect(auth).toContain('setAccessToken(accessToken: string): void {\n    this.options.accessToken = accessToken;\n  }');
    expect(byPath.get('sdk/src/api-description.ts')).toContain("export const SERVERS: readonly ServerSpec[] = [{ url: 'https://api.genauth.ai' }];");
  });

  it('params: required vs optional, enum as literal union, default applied in the schema and documented', () => {
    const params = byPath.get('sdk/src/clients/management-client.params.ts')!;
    expect(params).toMatch(/ {2}userId: string;/);
    expect(params).toContain("userIdType?: 'user_id' | 'phone' | 'email' | 'username' | 'external_id' | 'identity' | 'sync_relation';");
    expect(params).toMatch(/\.default\('user_id'\)/);
    expect(params).toContain('@defaultValue "user_id"');
  });

  it('JSDoc: summary, description, @param per parameter with default/example, @see the docs page', () => {
    const mgmt = byPath.get('sdk/src/clients/management-client.ts')!;
    expect(mgmt).toContain('* Get user MFA binding information\n');
    expect(mgmt).toContain('@param params.userId - The unique identifier of the user');
    expect(mgmt).toMatch(/@param params\.userIdType - .*\(default "user_id"; example "user_id"\)/);
    expect(mgmt).toContain('@see docs-input/python/management/管理用户/get-user-mfa-info.md');
  });

  it('schemas carry descriptions', () => {
    const dto = byPath.get('sdk/src/models/user-mfa-single-resp-dto.ts')!;
    expect(dto).toContain(".describe('Business status code");
    expect(dto).toMatch(/export const UserMfaSingleRespDtoSchema = \/\*#__PURE__\*\/ z\.object\(/);
  });

  it('package.json: name from the config, ESM, side-effect free, zod ^4; every path is safe and under sdk/', () => {
    const pkg = JSON.parse(byPath.get('sdk/package.json')!) as Record<string, unknown>;
    expect(pkg).toMatchObject({ name: 'genauth-sdk', type: 'module', sideEffects: false, dependencies: { zod: '^4.0.0' } });
    expect(Object.keys(pkg.exports as object)).toContain('.');
    for (const f of files) expect(isSafeOutputPath(f.path), f.path).toBe(true);
    expect(byPath.get('sdk/README.md')).toContain("new ManagementClient({");
  });

  it('tree-shakable: the AuthenticationClient module reaches only the DTO modules its methods use', () => {
    const api = first.ingest.api;
    const names = sdkNames(api, readRuntime(packageAssets().runtimeDir)!.exports);
    const client = api.clients.find((c) => c.name === 'AuthenticationClient')!;
    const expected = reachableTypes(api, client.methods.flatMap(methodTypes)).map((n) => `sdk/src/models/${names.types.get(n)!.file}.ts`);
    const reached = new Set<string>();
    const queue = ['sdk/src/clients/authentication-client.ts'];
    while (queue.length > 0) {
      const path = queue.pop()!;
      if (reached.has(path)) continue;
      reached.add(path);
      for (const imp of ts.preProcessFile(byPath.get(path) ?? '', true, true).importedFiles) {
        if (!imp.fileName.startsWith('.')) continue;
        queue.push(normalize(join(dirname(path), imp.fileName)).split('\\').join('/').replace(/\.js$/, '.ts'));
      }
    }
    const models = [...reached].filter((p) => p.startsWith('sdk/src/models/')).sort();
    expect(models).toEqual(expected.sort());
    expect([...reached].some((p) => p.includes('management-client'))).toBe(false);
    expect(models.length).toBeGreaterThan(0);
  });
});
