import type { CodeInfo } from './entry.js';

/** Codes of the docs emitter (generator/emit/docs). */
export const docsCodes = {
  'docs-template-invalid': {
    severity: 'error',
    title: 'Docs template not usable',
    cause: 'templates/docs/<language>.yaml is not valid YAML or misses a key the pages need.',
    fix: 'Fix the file as the message says (templates/README.md lists every key); until then sdkforge\'s own template is used.',
  },
  'docs-path-renamed': {
    severity: 'info',
    title: 'Docs page placed under a safe name',
    cause: 'A client, category or method name cannot be used as a file or folder name as is (a "/", "..", a control character), or two methods would share one page file.',
    fix: 'Nothing to do; the page is written under the name the message gives. Rename the category or method in the input to choose another.',
  },
  'docs-prose-literal': {
    severity: 'warning',
    title: 'Docs text written as literal text',
    cause: 'A description or title is shaped so that the markdown parser would take quadratic time or overflow the stack on it (more than 64,000 characters, more than 1,000 emphasis/link/code/HTML delimiters, or a line nesting more than 16 block quotes, lists or indentation levels). Docs text is untrusted, so such text is not parsed: the page shows it as written, without its markdown formatting.',
    fix: 'Shorten or simplify the text in the input (split a long description, flatten deep lists).',
  },
  'docs-sample-replaced': {
    severity: 'info',
    title: 'Sample value not used in the code sample',
    cause: 'A parameter\'s sample value does not fit its type (so the snippet would not compile): a required parameter gets a placeholder of its type, an optional one is left out of the snippet.',
    fix: 'Correct the sample value in the reference docs.',
  },
  'docs-type-unplaced': {
    severity: 'info',
    title: 'Data structure without a docs page',
    cause: 'A named type is referenced by no method, and the IR does not say which page defined it (it came from a spec, or its page was dropped).',
    fix: 'Reference it from a parameter or response field, or drop it from the input.',
  },
} satisfies Record<string, CodeInfo>;
