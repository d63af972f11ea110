import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSafeOutputPath } from '../../../generator/output/files.js';
import { writeOutput } from '../../../generator/output/write.js';
import { EVIL, hostileApi } from './hostile-api.js';
import { startServer, sendJson, type TestServer } from './runtime/test-server.js';
import { cleanup, compile, emitFromApi, equalityChecks, tempDir, typeCheck, writeFiles } from './sdk-harness.js';
import { writeFileSync } from 'node:fs';

/** Every identifier in a file's syntax tree: injected code would show up here. */
function identifiers(text: string): Set<string> {
  const sf = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) out.add(n.text);
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

describe('hostile input', async () => {
  const api = hostileApi();
  const { files, diagnostics } = await emitFromApi(api);
  const generated = files.filter((f) => f.path.endsWith('.ts') && !f.path.startsWith('sdk/src/runtime/'));
  const dir = tempDir('sdk-hostile');
  const sdkDir = join(dir, 'sdk');
  writeFiles(dir, files);
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
    cleanup(dir);
  });

  it('every path is safe and inside sdk/, whatever the client, method and type names', () => {
    for (const f of files) {
      expect(isSafeOutputPath(f.path), f.path).toBe(true);
      expect(f.path.startsWith('sdk/')).toBe(true);
    }
    const paths = files.map((f) => f.path);
    expect(paths).toContain('sdk/src/clients/evil.ts');
    // UserDto / UserDTO / user-dto / userDto: distinct modules even on case-insensitive disks
    const lower = paths.map((p) => p.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it('compiles under strict, and every schema still matches its interface both ways', () => {
    const checks = join(sdkDir, 'type-checks.ts');
    writeFileSync(checks, equalityChecks(api));
    expect(typeCheck(sdkDir, [checks])).toEqual([]);
  }, 60_000);

  it('recursion through z.lazy with annotated schemas; a discriminated union as z.discriminatedUnion', () => {
    const text = (p: string): string => files.find((f) => f.path === p)!.contents;
    expect(text('sdk/src/models/tree-node.ts')).toContain('export const TreeNodeSchema: z.ZodType<TreeNode, TreeNode> =');
    expect(text('sdk/src/models/tree-node.ts')).toContain('z.array(z.lazy(() => TreeNodeSchema))');
    expect(text('sdk/src/models/meta.ts')).toContain('z.lazy(() => TreeNodeSchema).nullable()');
    expect(text('sdk/src/models/pet.ts')).toContain("z.discriminatedUnion('kind', [CatSchema, DogSchema])");
    expect(text('sdk/src/models/loose.ts')).toContain('z.looseObject(');
    expect(text('sdk/src/models/mixed.ts')).toContain('z.union([CatSchema, CatsSchema])');
    expect(text('sdk/src/clients/management-client.ts')).toContain("import { z } from 'zod';");
  });

  it('injects no code: descriptions stay in comments and string literals', () => {
    for (const f of generated) {
      const ids = identifiers(f.contents);
      for (const bad of ['pwned', 'process', 'alert', 'exit']) expect(ids.has(bad), `${bad} in ${f.path}`).toBe(false);
      // no fake JSDoc tag from a description
      expect(f.contents).not.toMatch(/^\s*\* @param evil/m);
      expect(f.contents).not.toMatch(/^\s*\* @returns nothing/m);
    }
    const hostile = files.find((f) => f.path === 'sdk/src/models/hostile.ts')!.contents;
    expect(hostile).toContain('*\\/ export const pwned = 1;');
    // the description survives intact inside the schema's string literal
    const literals: string[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isStringLiteral(n)) literals.push(n.text);
      n.forEachChild(visit);
    };
    visit(ts.createSourceFile('h.ts', hostile, ts.ScriptTarget.ES2022, true));
    expect(literals).toContain(EVIL);
  });

  it('names: reserved words, collisions and globals get safe unique names, and it is reported', () => {
    const entry = files.find((f) => f.path === 'sdk/src/index.ts')!.contents;
    for (const n of ['UserDto', 'userDto', 'userDto2', 'UserDTO', 'Record2', 'ApiError2', 'class_', 'Evil', 'ManagementClient']) {
      expect(entry).toMatch(new RegExp(`\\b${n}\\b`));
    }
    expect(diagnostics.filter((d) => d.code === 'sdk-name-changed').length).toBeGreaterThan(3);
    expect(diagnostics.some((d) => d.code === 'sdk-default-mismatch' && d.message.includes('"limit"'))).toBe(true);
  });

  it('nothing is written outside the output folder', async () => {
    const out = join(dir, 'out');
    const result = await writeOutput(out, files, { cwd: dir });
    expect(result.diagnostics).toEqual([]);
    const onDisk = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    // the generated files and the ownership marker of sdk/
    expect(onDisk.length).toBe(files.length + 1);
    for (const e of onDisk) expect(relative(out, join(e.parentPath, e.name)).startsWith('..')).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['out', 'sdk']);
  });

  it('means the same on the wire: hostile parameter names are sent as written', async () => {
    expect(compile(sdkDir)).toEqual([]);
    const sdk = (await import(pathToFileURL(join(sdkDir, 'dist/index.js')).href)) as Record<string, new (o: object) => Record<string, (p: object) => Promise<unknown>>>;
    const client = new sdk.ManagementClient!({ accessKeyId: 'id', accessKeySecret: 'secret', host: server.host, retry: 0 });
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200, kind: 'cat', lives: 9 }));

    const args = { class: 'c', default: 'd', __proto___: 'p', 'user-id': 'u', '2fa': 't', constructor_: 'k', toString_: 's', user_id: 'x', userId: 'y' };
    await client.listHostile!(args);
    const url = new URL(server.requests[0]!.url, server.host);
    expect(url.pathname).toBe('/api/v3/list-hostile');
    // `__proto__` is checked apart below (the runtime drops it)
    expect([...url.searchParams.entries()].filter(([k]) => k !== '__proto__').sort()).toEqual(
      [['class', 'c'], ['default', 'd'], ['user-id', 'u'], ['2fa', 't'], ['constructor', 'k'], ['toString', 's'], ['user_id', 'x'], ['userId', 'y']].sort(),
    );

    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200, kind: 'cat', lives: 9 }));
    await client.createHostile!({ ...args, default: 3, pet: { kind: 'dog', good: true } });
    const body = JSON.parse(server.requests[0]!.body.toString('utf8')) as Record<string, unknown>;
    expect(server.requests[0]!.method).toBe('POST');
    expect(Object.keys(body).filter((k) => k !== '__proto__').sort()).toEqual(['2fa', 'class', 'constructor', 'default', 'pet', 'toString', 'user-id', 'userId', 'user_id'].sort());
    expect(body['user-id']).toBe('u');
    expect(body['default']).toBe(3);

    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200 }));
    await client.getItem!({ id: '../x y' });
    expect(server.requests[0]!.url).toBe('/api/v3/items/..%2Fx%20y');
  }, 60_000);

  // The emitter passes { key: '__proto___', name: '__proto__' }; the runtime must set the wire
  // name as an own property (plain assignment to `__proto__` would replace the prototype).
  it('a parameter whose wire name is __proto__ reaches the server', async () => {
    const sdk = (await import(pathToFileURL(join(sdkDir, 'dist/index.js')).href)) as Record<string, new (o: object) => Record<string, (p: object) => Promise<unknown>>>;
    const client = new sdk.ManagementClient!({ accessKeyId: 'id', accessKeySecret: 'secret', host: server.host, retry: 0 });
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200 }));
    await client.listHostile!({ __proto___: 'p' });
    expect(new URL(server.requests[0]!.url, server.host).searchParams.get('__proto__')).toBe('p');
  }, 60_000);
});
