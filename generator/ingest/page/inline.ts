/**
 * What a table cell or a line of prose says, once its inline markup is read: `<br>` as line
 * breaks, `<a href="#Dto">` as links to data structures, inline code, and the HTML that header
 * cells are wrapped in (`<div style="width:80px">Required</div>`).
 */

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** Removes zero-width characters that published pages carry ("values ​​are"). */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/** Splits text into code spans and the rest, so markup inside code is never touched. */
function mapOutsideCode(s: string, fn: (text: string) => string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const tick = s.indexOf('`', i);
    if (tick < 0) {
      out += fn(s.slice(i));
      break;
    }
    let run = 1;
    while (s[tick + run] === '`') run++;
    const fence = '`'.repeat(run);
    const end = s.indexOf(fence, tick + run);
    if (end < 0) {
      out += fn(s.slice(i));
      break;
    }
    out += fn(s.slice(i, tick)) + s.slice(tick, end + run);
    i = end + run;
  }
  return out;
}

/**
 * The cell as markdown prose: invisible characters removed, `<br>` turned into newlines, trimmed.
 * Links and code are kept as written, so emitting the text again gives the same page.
 */
export function cellMarkdown(raw: string): string {
  const s = mapOutsideCode(stripInvisible(raw), (t) => t.replace(/<br\s*\/?>/gi, '\n'));
  return s
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The cell as plain text: tags dropped, code spans unwrapped, entities decoded. */
export function cellPlain(raw: string): string {
  const s = mapOutsideCode(stripInvisible(raw), (t) =>
    t
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, e: string) => ENTITIES[e] ?? _m),
  );
  return s
    .replace(/(`+)([\s\S]*?)\1/g, (_m, _f, inner: string) => inner.trim())
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Targets of `<a href="#X">` links, in order (the data structures a cell points at). */
export function anchorTargets(raw: string): string[] {
  const out: string[] = [];
  const re = /<a\s+href\s*=\s*["']#([^"']+)["'][^>]*>/gi;
  for (let m = re.exec(raw); m; m = re.exec(raw)) out.push(m[1]!);
  return out;
}

/** The content of a cell that is one inline code span, else undefined. */
export function soleCodeSpan(raw: string): string | undefined {
  const m = /^\s*(`+)([\s\S]*?)\1\s*$/.exec(stripInvisible(raw));
  return m ? m[2]! : undefined;
}

/**
 * A `<` that the canonical form reads as markup: a tag of the published layout (`<br>`, `<a>`,
 * the header `<div>`s, `<code>`; the docs site renders exactly these, templates/docs/site/config.mts)
 * or a comment. A syntax module whose text has no markup of its own (the text of an HTML page,
 * copied text) writes such a `<` as `&lt;`, so its text never turns into markup. Any other `<`
 * (`<script>`, `<T>`) reads as text, as in the markdown pages, and the site shows it as text.
 */
export const MARKUP_OPENER = /<(?=\/?(?:br|a|div|code)(?![\w-])|!--)/gi;

/** Text as canonical inline content: every `<` that would read as markup escaped. */
export const inertText = (text: string): string => text.replace(MARKUP_OPENER, '&lt;');

/** The contents of every inline code span, in order (`` 当认证方式为 `AD` 时 `` → `AD`). */
export function codeSpans(raw: string): string[] {
  return [...stripInvisible(raw).matchAll(/(`+)([^`]+?)\1/g)].map((m) => m[2]!.trim());
}
