/**
 * Docs text is untrusted, and the markdown parser the docs emitter uses (micromark, through
 * remark-parse) takes quadratic time or overflows the stack on some shapes of text: long runs of
 * emphasis or link delimiters (`*` × 8,000 took 9 s), containers nested on one line
 * (`- - - …` × 3,000 overflowed the stack) or by indentation (400 nested lists took 7 s). Text
 * beyond these bounds is not parsed: the emitter writes it as literal text (escaped, shown as
 * written), with a docs-prose-literal warning. Real descriptions stay far below them (the
 * two corpora: at most 4,806 characters, 252 delimiters, one level of nesting).
 */
export const PROSE_LIMITS = {
  /** Characters of one description or title. */
  chars: 64_000,
  /** Characters that open or close emphasis, links, code spans and HTML. */
  delimiters: 1_000,
  /** Containers (`>`, list markers, two columns of indentation) before a line's text. */
  nesting: 16,
} as const;

/** Characters that open or close emphasis (`*`, `_`, `~`), links (`[`, `]`), code spans, HTML (`<`). */
const DELIMITER = new Uint8Array(128);
for (const c of '*_~[]`<') DELIMITER[c.charCodeAt(0)] = 1;

/**
 * Why `text` is not parsed as markdown, or undefined when it is within PROSE_LIMITS. One pass
 * over the text, no allocation: it runs on every description the emitter writes.
 */
export function proseTooComplex(text: string): string | undefined {
  if (text.length > PROSE_LIMITS.chars) return `it is longer than ${PROSE_LIMITS.chars} characters`;
  let delimiters = 0;
  let deepest = 0;
  // at a line start, the container prefix: its markers and its columns of indentation
  let inPrefix = true;
  let markers = 0;
  let columns = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && DELIMITER[c] === 1) delimiters++;
    if (c === 10) {
      inPrefix = true;
      markers = 0;
      columns = 0;
      continue;
    }
    if (!inPrefix) continue;
    const next = text.charCodeAt(i + 1);
    const spaceAfter = Number.isNaN(next) || next === 32 || next === 9 || next === 10;
    // the one space that ends a marker belongs to it, not to the indentation
    if (c === 32) columns++;
    else if (c === 9) columns += 4;
    else if (c === 62 /* > */) {
      markers++;
      if (next === 32) i++;
    } else if ((c === 45 || c === 42 || c === 43) /* - * + */ && spaceAfter) {
      markers++;
      if (next === 32) i++;
    }
    else if (c >= 48 && c <= 57) {
      // an ordered list marker: digits, then `.` or `)`, then a space
      let j = i;
      while (j < text.length && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const close = text.charCodeAt(j);
      const after = text.charCodeAt(j + 1);
      if ((close === 46 || close === 41) && (Number.isNaN(after) || after === 32 || after === 9 || after === 10)) {
        markers++;
        i = after === 32 ? j + 1 : j;
      } else inPrefix = false;
    } else inPrefix = false;
    deepest = Math.max(deepest, markers + Math.floor(columns / 2));
  }
  if (delimiters > PROSE_LIMITS.delimiters) return `it holds ${delimiters} emphasis, link, code or HTML delimiters (more than ${PROSE_LIMITS.delimiters})`;
  if (deepest > PROSE_LIMITS.nesting) return `a line nests more than ${PROSE_LIMITS.nesting} block quotes, lists or indentation levels`;
  return undefined;
}
