import { splitWords } from '../../naming/words.js';
import type { Block } from '../page/model.js';
import { stripInvisible } from '../page/inline.js';

export type MethodNameReading =
  | { ok: true; client: string; words: string[]; writtenName: string; line: number; column: number; file?: string }
  | { ok: false; text: string };

/**
 * The method name line: `ManagementClient.getUserMfaInfo` (node, java), `get_user_mfa_info`
 * (python, php), `GetUserMfaInfo` (go, csharp): one canonical method, words get/user/mfa/info.
 */
export function readMethodName(blocks: readonly Block[]): MethodNameReading {
  // usually a paragraph with an inline code span; some pages use a fenced code block
  const block = blocks.find((b) => b.kind === 'paragraph' || b.kind === 'code');
  if (!block || (block.kind !== 'paragraph' && block.kind !== 'code')) return { ok: false, text: '' };
  const para = { text: block.text, line: block.kind === 'code' ? block.line + 1 : block.line };
  const text = stripInvisible(para.text).trim();
  const m = /`?\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\.|::|->)\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\([^)]*\))?\s*`?/.exec(text);
  if (!m || !/Client$/.test(m[1]!)) return { ok: false, text };
  const firstLine = text.split('\n')[0]!;
  const column = para.text.split('\n')[0]!.indexOf(firstLine.trim()[0] ?? '') + 1;
  return {
    ...(block.file ? { file: block.file } : {}),
    ok: true,
    client: m[1]!,
    words: splitWords(m[2]!),
    writtenName: `${m[1]}.${m[2]}`,
    line: para.line,
    column: Math.max(1, column),
  };
}
