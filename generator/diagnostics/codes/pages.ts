import type { CodeInfo } from './entry.js';

/** Codes of the page syntaxes besides markdown: rendered HTML and text copied from a page (generator/ingest/syntax/{html,text}). */
export const pageCodes = {
  'html-too-deep': {
    severity: 'warning',
    title: 'HTML page nested too deeply',
    cause: 'The page nests its elements thousands of levels deep, more than any rendered docs page does; it is not read, so that such input cannot exhaust the stack.',
    fix: 'Save the page as the site renders it, or give the markdown source instead.',
  },
  'text-row-ambiguous': {
    severity: 'warning',
    title: 'Copied table row read by a guess',
    cause: 'In text copied from a rendered page, a table row is its cells run together ("userIdstringYes-The unique…"). The row could be split into its columns in more than one way that fits what each column can hold; the message names the reading used and the other one.',
    fix: 'Check the row against the published page; give the page as HTML or markdown to avoid the guess.',
  },
  'text-row-unreadable': {
    severity: 'warning',
    title: 'Copied table row not understood',
    cause: 'A line of a copied table could not be split into the table\'s columns (no identifier, type or yes/no word where the columns need one), so it is not a row; it is dropped rather than read shifted.',
    fix: 'Check the row against the published page; give the page as HTML or markdown.',
  },
  'text-intro-notes': {
    severity: 'info',
    title: 'Copied paragraphs read as notes',
    cause: 'Copied text loses the quote marks of a page\'s notes ("This document is automatically generated…"), so between the title and the first section only the last paragraph is read as the description; the ones before it are read as notes.',
    fix: 'Nothing to do when the description is right; else give the page as HTML or markdown.',
  },
  'text-table-rebuilt': {
    severity: 'info',
    title: 'Copied markdown table rebuilt',
    cause: 'The page showed a table as its markdown source (a site that failed to render it), and the copy joined its rows on one line ("| a | b | | --- | --- | | …"); the rows were split again at the header\'s width.',
    fix: 'Nothing to do; to avoid it, fix the table in the source page.',
  },
} satisfies Record<string, CodeInfo>;
