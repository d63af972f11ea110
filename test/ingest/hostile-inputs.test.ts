import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { bufferIO } from '../../generator/commands/io.js';
import { cleanup, tempDir } from '../emit/sdk/sdk-harness.js';
import { ROOT } from '../helpers/shared.js';

/**
 * Issue 10, items 4-7: specs and pages that try to read files outside their tree, endless or
 * huge input, YAML alias bombs and deep nesting. Every run ends with a diagnostic and exit 2,
 * never a hang, a stack trace or a file's contents. Fixtures: test/fixtures/hostile/{specs,deep};
 * symbolic links and pipes are made here (a link to /dev/zero in the repository would trap any
 * tool that reads the tree).
 */

const FIXTURES = join(ROOT, 'test/fixtures/hostile');
const SECRET = 'SDKFORGE-SECRET-7f3a';
const work = tempDir('hostile-inputs');
afterAll(() => cleanup(work));

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIO(cwd);
  const code = await main(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

/** Nothing a file could have held: the secret beside the spec, /etc/passwd, the environment, the host name. */
function expectNoDisclosure(text: string): void {
  expect(text).not.toContain(SECRET);
  expect(text).not.toMatch(/root:[^:\n]*:0:0:/);
  expect(text).not.toContain(process.env.PATH!);
  expect(text).not.toContain(`"${hostname()}"`);
}

const codes = (err: string): string[] => [...err.matchAll(/^\S+:\d+:\d+ {2}\w+ {2}([\w-]+)/gm)].map((m) => m[1]!);

describe('$ref reads only regular files inside the spec’s folder tree (item 4, item 5 for /dev/zero)', () => {
  it('a file beside the folder, /etc/passwd, /proc/self/environ, /dev/zero and a file: URL are refused, exit 2; nothing of them is printed or emitted', async () => {
    const spec = 'test/fixtures/hostile/specs/ref-outside/spec/openapi.yaml';
    const ir = await run(ROOT, 'ir', spec);
    expect(ir.code).toBe(2);
    expect(codes(ir.err).filter((c) => c === 'input-refused').length).toBe(5);
    expect(ir.err).toMatch(/secret\.yaml is refused: it is outside the spec's folder tree \(test\/fixtures\/hostile\/specs\/ref-outside\/spec\/; widen it with openapi\.refRoots/);
    expect(ir.err).toMatch(/dev\/zero is refused/);
    expectNoDisclosure(ir.out + ir.err);

    const out = join(work, 'refs-out');
    const gen = await run(ROOT, 'generate', '--input', spec, '--out', out);
    expect(gen.code).toBe(2);
    expectNoDisclosure(gen.out + gen.err);
  }, 30_000);

  it('other spellings are refused too: percent-encoded, file: relative, http(s), through linked folders and files; a missing file outside is refused, not looked up', async () => {
    const dir = join(work, 'ref-variants');
    cpSync(join(FIXTURES, 'specs/ref-outside'), dir, { recursive: true });
    symlinkSync('..', join(dir, 'spec/linked'));
    mkdirSync(join(dir, 'spec/sub'));
    symlinkSync('../../secret.yaml', join(dir, 'spec/sub/secret-link.yaml'));
    const r = await run(dir, 'ir', 'spec/variants.yaml');
    expect(r.code).toBe(2);
    expectNoDisclosure(r.out + r.err);
    // one refusal per $ref that leaves (7 of them); the file with a dotted name inside is read
    expect(codes(r.err).filter((c) => c === 'input-refused')).toHaveLength(7);
    // a percent sign is a character of a file name: `..%2fsecret.yaml` is a (missing) file inside
    expect(r.err.split('\n').filter((l) => /^\S+ {2}error {2}input-not-found/.test(l))).toEqual(['spec/..%2fsecret.yaml:1:1  error  input-not-found  spec/..%2fsecret.yaml cannot be read (ENOENT)']);
    expect(r.err).toMatch(/no-such-file\.yaml is refused: it is outside the spec's folder tree/);
    expect(r.err).toMatch(/spec\/linked\/secret\.yaml is refused: it leads \(through a symbolic link\) outside/);
    expect(r.err).toMatch(/spec\/sub\/secret-link\.yaml is refused: it leads \(through a symbolic link\) outside/);
    expect(r.err).toContain('a $ref to "http://127.0.0.1:9/secret.yaml" is refused: only files are read');
    expect(r.err).toContain('a $ref to "https://example.com/secret.yaml" is refused: only files are read');
    expect(r.err).not.toContain('..inside.yaml');
    expect(r.out).toContain('insideField');
  }, 30_000);

  it('openapi.refRoots widens the tree: a $ref to ../secret.yaml is then read', async () => {
    const dir = join(work, 'ref-roots');
    cpSync(join(FIXTURES, 'specs/ref-outside/secret.yaml'), join(dir, 'shared/secret.yaml'));
    const spec = { openapi: '3.0.3', info: { title: 'Shared', version: '1' }, paths: { '/s': { get: { operationId: 'getS', responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '../shared/secret.yaml#/Secret' } } } } } } } } };
    mkdirSync(join(dir, 'spec'), { recursive: true });
    writeFileSync(join(dir, 'spec/openapi.json'), JSON.stringify(spec));
    const refused = await run(dir, 'openapi', 'spec/openapi.json', '-o', 'out.json');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/shared\/secret\.yaml is refused/);
    writeFileSync(join(dir, 'sdkforge.config.json'), JSON.stringify({ openapi: { refRoots: ['shared'] } }));
    const read = await run(dir, 'openapi', 'spec/openapi.json', '-o', 'out.json');
    expect(read.err).not.toMatch(/refused/);
    expect(read.code).toBe(0);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toContain(SECRET);
  }, 30_000);

  it('a file inside the tree that does not parse is reported at its position without quoting it', async () => {
    const ir = await run(ROOT, 'ir', 'test/fixtures/hostile/specs/ref-outside/spec/quotes-broken-file.yaml');
    expect(ir.err).toMatch(/broken-secret\.json:1:1 {2}error {2}openapi-unparsable {2}not valid JSON \(unexpected character\)/);
    // JSON.parse's own message quotes the text around the error
    expect(ir.err).not.toContain('SDKFORGE');
  });
});

describe('pages and specs are read only as regular files, inside their folder, under the size cap (item 5)', () => {
  const docs = join(work, 'docs');
  const outside = join(work, 'outside');
  mkdirSync(join(docs, 'management/cat'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  cpSync(join(FIXTURES, 'reserved-members/docs/management/reserved/then.md'), join(docs, 'management/cat/then.md'));
  writeFileSync(join(outside, 'secret.md'), `# ${SECRET}\n\n## Method name\n\n\`ManagementClient.getSecret\`\n`);
  symlinkSync('/dev/zero', join(docs, 'management/cat/zero.md'));
  symlinkSync(join(outside, 'secret.md'), join(docs, 'management/cat/secret.md'));
  symlinkSync(outside, join(docs, 'management/linked-folder'));
  symlinkSync('/', join(docs, 'management/cat/root'));
  execFileSync('mkfifo', [join(work, 'pipe.md')]);
  symlinkSync('/dev/zero', join(work, 'zero.md'));
  symlinkSync('/dev/zero', join(work, 'zero.yaml'));

  it('a link to /dev/zero, links that leave the folder and a link to / are refused by name, never walked; exit 2', async () => {
    const r = await run(work, 'generate', '--input', 'docs', '--out', 'out-pages');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/docs\/management\/cat\/zero\.md:1:1 {2}error {2}input-refused {2}docs\/management\/cat\/zero\.md is refused: it leads \(through a symbolic link\) outside the input folder docs\//);
    expect(r.err).toMatch(/docs\/management\/cat\/secret\.md:1:1 {2}error {2}input-refused .* it leads \(through a symbolic link\) outside the input folder docs\//);
    // a linked folder that leaves the tree is not even walked (a link to / would walk the disk)
    expect(r.err).toMatch(/docs\/management\/linked-folder:1:1 {2}error {2}input-refused .* it is not followed/);
    expect(r.err).not.toContain('linked-folder/secret.md');
    expect(r.err).toMatch(/docs\/management\/cat\/root:1:1 {2}error {2}input-refused/);
    expect(codes(r.err).filter((c) => c === 'input-refused')).toHaveLength(4);
    expectNoDisclosure(r.err);
  }, 30_000);

  it('a page or a spec named directly that is /dev/zero or a named pipe is refused too', async () => {
    expect((await run(work, 'ir', 'pipe.md')).err).toContain('pipe.md:1:1  error  input-refused  pipe.md is refused: it is not a regular file (a named pipe)');
    for (const input of ['zero.md', 'zero.yaml']) {
      const r = await run(work, 'ir', input);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${input}:1:1  error  input-refused  ${input} is refused: it is not a regular file (a device)`);
    }
  });

  it('a file over limits.maxFileBytes is not read; the diagnostic names the limit and where to raise it', async () => {
    const dir = join(work, 'small-limit');
    cpSync(join(FIXTURES, 'reserved-members'), dir, { recursive: true });
    writeFileSync(join(dir, 'sdkforge.config.json'), JSON.stringify({ limits: { maxFileBytes: 500 } }));
    const pages = await run(dir, 'lint', 'docs');
    expect(pages.code).toBe(2);
    expect(pages.err).toMatch(/docs\/management\/reserved\/then\.md is larger than 500 bytes; it was not read \(raise limits\.maxFileBytes in sdkforge\.config\.json\)/);
    const spec = await run(dir, 'lint', 'openapi.yaml');
    expect(spec.code).toBe(2);
    expect(spec.err).toMatch(/openapi\.yaml:1:1 {2}error {2}input-too-large {2}openapi\.yaml is larger than 500 bytes/);
  });
});

describe('YAML aliases are expanded only up to limits.yamlAliases (item 6)', () => {
  it('a 630-byte alias bomb is unusable input: exit 2 at once, one short line naming the limit', async () => {
    const r = await run(ROOT, 'generate', '--input', 'test/fixtures/hostile/specs/alias-bomb.yaml', '--out', join(work, 'bomb-out'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('alias-bomb.yaml:1:1  error  input-too-large  test/fixtures/hostile/specs/alias-bomb.yaml expands its YAML aliases beyond 10000 nodes; it was not read (raise limits.yamlAliases in sdkforge.config.json)');
    expect(r.err.length).toBeLessThan(2000);
  });

  it('genuine aliases are read; the limit is the config’s', async () => {
    expect((await run(ROOT, 'ir', 'test/fixtures/hostile/specs/few-aliases.yaml')).code).toBe(0);
    const dir = join(work, 'no-aliases');
    mkdirSync(dir, { recursive: true });
    cpSync(join(FIXTURES, 'specs/few-aliases.yaml'), join(dir, 'few-aliases.yaml'));
    writeFileSync(join(dir, 'sdkforge.config.json'), JSON.stringify({ limits: { yamlAliases: 1 } }));
    const r = await run(dir, 'lint', 'few-aliases.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/input-too-large .* beyond 1 nodes/);
  });
});

describe('deep nesting is a diagnostic, never a crash (item 7)', () => {
  for (const command of ['ir', 'generate', 'lint']) {
    it(`${command}: a schema 1,000 levels deep and sample JSON 100,000 levels deep give input-too-deep and exit 2`, async () => {
      for (const input of ['test/fixtures/hostile/deep/deep-schema.json', 'test/fixtures/hostile/deep/sample-page']) {
        const argv = command === 'generate' ? ['generate', '--input', input, '--out', join(work, 'deep-out')] : [command, input];
        const r = await run(ROOT, ...argv);
        expect(r.code, `${command} ${input}`).toBe(2);
        expect(codes(r.err)).toContain('input-too-deep');
        expect(r.err).not.toMatch(/\n\s+at /);
        expect(r.err).not.toContain('internal-error');
      }
    }, 30_000);
  }
});
