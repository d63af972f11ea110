import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/shared.js';

/**
 * The CI workflow the README gives teams to copy, run step by step as the Actions runner would
 * (bash, GITHUB_STEP_SUMMARY, the base branch fetched as origin/<base>) in a git repository of
 * this project's inputs, on a pull request that makes a breaking docs change.
 */
const CLI = join(ROOT, 'dist/generator/cli.js');

interface Workflow {
  jobs: Record<string, { steps: { name?: string; run?: string }[] }>;
}

function readmeWorkflow(): Workflow {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```yaml\n(# \.github\/workflows\/[^\n]*\n[\s\S]*?)```/.exec(readme);
  expect(block, 'the README has a workflow block').not.toBeNull();
  return parse(block![1]!) as Workflow;
}

describe.skipIf(!existsSync(CLI))('the README CI workflow', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdkforge-ci-workflow-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lint, check and diff against the base branch: annotations, a job summary, a failing breaking change', () => {
    const repo = join(dir, 'repo');
    mkdirSync(repo);
    for (const entry of ['docs-input', 'generated', 'templates', 'sdkforge.config.json']) cpSync(join(ROOT, entry), join(repo, entry), { recursive: true });
    // what `npm ci` gives the job: the sdkforge bin in node_modules/.bin
    mkdirSync(join(repo, 'node_modules/.bin'), { recursive: true });
    symlinkSync(CLI, join(repo, 'node_modules/.bin/sdkforge'));
    writeFileSync(join(repo, '.gitignore'), 'node_modules/\n');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    // the pull request: a parameter made required, the SDK regenerated and committed with it
    git('checkout', '-q', '-b', 'feature');
    const page = join(repo, 'docs-input/python/management/管理用户/get-user-mfa-info.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('| userIdType | string | No |', '| userIdType | string | yes |'));
    execFileSync(process.execPath, [CLI, 'generate'], { cwd: repo, stdio: 'pipe' });
    git('add', '.');
    git('commit', '-q', '-m', 'userIdType required');

    const steps = Object.values(readmeWorkflow().jobs)[0]!.steps.filter((s) => s.run?.includes('sdkforge'));
    expect(steps.map((s) => s.name)).toEqual(['Lint the docs', 'Generated SDK and docs are up to date', 'API changes against the base branch']);
    const summary = join(dir, 'summary.md');
    const results = steps.map((s) => {
      // what the runner does with ${{ github.base_ref }} on a pull request into main
      const script = s.run!.replaceAll('${{ github.base_ref }}', 'main');
      const r = spawnSync('bash', ['-e', '-c', script], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, GITHUB_STEP_SUMMARY: summary, PATH: `${join(repo, 'node_modules/.bin')}:${process.env.PATH}` },
      });
      return { name: s.name, status: r.status, stdout: r.stdout, stderr: r.stderr };
    });
    const [lint, check, diff] = results;
    // docs-input's samples contradict their tables: lint fails, with an annotation per finding
    expect(lint!.status).toBe(1);
    expect(lint!.stdout).toMatch(/^::error file=docs-input\/python\/management\/管理用户\/get-user-mfa-info\.md,line=47,col=5,title=lint-sample-mismatch::/m);
    expect(check!.status, check!.stderr).toBe(0);
    expect(diff!.status).toBe(1);
    expect(diff!.stdout).toMatch(/^::error file=docs-input\/python\/management\/管理用户\/get-user-mfa-info\.md,line=25,col=3,title=breaking%3A parameter-required::ManagementClient\.getUserMfaInfo parameter userIdType/m);
    const job = readFileSync(summary, 'utf8');
    expect(job).toContain('## API changes (`git:origin/main:docs-input` → `docs-input`)');
    expect(job).toContain('Release: **major (1 breaking change)**.');
    // the regenerated SDK carries the version the verdict calls for
    expect(JSON.parse(readFileSync(join(repo, 'generated/sdk/package.json'), 'utf8')).version).toBe('1.0.0');
  });
});
