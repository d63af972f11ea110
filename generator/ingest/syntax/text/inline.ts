/**
 * Copied text → the page model's canonical inline form. Copying a rendered page keeps the text
 * and loses the markup: code spans lose their backticks, links their address. One link survives
 * in part: the published pages write a data structure's link as HTML that some sites show
 * half-rendered, so the copy holds `<a ResetUserOptionsDto` where the page linked to it. That is
 * turned back into the link; any other text that would read as markup is escaped.
 */

import { inertText } from '../../page/inline.js';

const IDENTIFIER_RUN = /^[A-Za-z_][A-Za-z0-9_]*/;

/** The name a link remnant `<a Name…` points at: the longest known name it starts with, else its identifier. */
export function remnantTarget(after: string, knownNames: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  for (const n of knownNames) if (after.startsWith(n) && (!best || n.length > best.length)) best = n;
  return best ?? IDENTIFIER_RUN.exec(after)?.[0];
}

export const anchorLink = (name: string): string => `<a href="#${name}">${name}</a>`;

/** Text as canonical inline content: link remnants become links, line breaks `<br>` (in a cell). */
export function canonicalText(text: string, knownNames: ReadonlySet<string>, lineBreak: '<br>' | '\n'): string {
  let out = '';
  let i = 0;
  for (;;) {
    const at = text.indexOf('<', i);
    if (at < 0) break;
    out += text.slice(i, at);
    const kept = /^<a href="#[\w.-]+">[\w.-]+<\/a>/.exec(text.slice(at));
    const remnant = !kept && /^<a (?=[A-Za-z_])/.test(text.slice(at, at + 4));
    const target = remnant ? remnantTarget(text.slice(at + 3), knownNames) : undefined;
    if (kept) {
      // a link already in the canonical form (a Type cell read as one)
      out += kept[0];
      i = at + kept[0].length;
    } else if (target) {
      out += anchorLink(target);
      i = at + 3 + target.length;
    } else {
      // a `<br>`, `<code>` or `<!--` written as text must not read as markup
      out += inertText(text.slice(at, at + 8)).startsWith('&lt;') ? '&lt;' : '<';
      i = at + 1;
    }
  }
  out += text.slice(i);
  return lineBreak === '<br>' ? out.split('\n').map((l) => l.trim()).join('<br>') : out;
}
