import { parseMarkdown } from '../../../generator/emit/docs/markdown.js';
import type { GeneratedFile } from '../../../generator/output/files.js';

/**
 * The ```ts blocks of every docs page, read with remark (the way a reader's renderer sees them),
 * as files `<folder>/NNNN.ts` that start with a comment naming their page.
 */
export function snippetFiles(files: readonly GeneratedFile[], folder: string): GeneratedFile[] {
  const out: GeneratedFile[] = [];
  for (const f of files) {
    if (!f.path.startsWith('docs/') || !f.path.endsWith('.md')) continue;
    for (const node of parseMarkdown(f.contents).children) {
      if (node.type === 'code' && node.lang === 'ts') out.push({ path: `${folder}/${String(out.length).padStart(4, '0')}.ts`, contents: `// ${f.path}\n${node.value}\n` });
    }
  }
  return out;
}
