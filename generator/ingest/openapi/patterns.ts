/**
 * Which `pattern`s of a spec the generated schemas may check. A pattern is untrusted text: it
 * reaches generated code only as a string literal (`new RegExp('…')`), and it must not hang
 * validation. JavaScript's regex engine backtracks, so a pattern like `^(a+)+$` takes
 * exponential time on a short hostile string (an SDK validating a server's response, or lint
 * validating a sample). A pattern is checked only when it is shown safe:
 * - the fast path: a pattern of fixed length (no group, alternation, backreference or variable
 *   quantifier: only `{n}`), so there is one way to try each start (Twilio's
 *   `^AC[0-9a-fA-F]{32}$`);
 * - otherwise redos-detector must find no ambiguous paths within a fixed number of steps (steps,
 *   not time, so the verdict is the same on every machine).
 * Each analysis is bounded, and so is their number per spec (50, of which at most 10 may end
 * unsafe): past that, patterns are left unchecked ('budget') rather than let a spec with
 * thousands of them stall the run.
 */
import { isSafePattern } from 'redos-detector';
import type { PatternUnchecked } from '../../ir/types.js';

/** redos-detector's step limit: the 248 distinct patterns of Stripe, Twilio and Box all clear it. */
const MAX_STEPS = 500;
/** redos-detector analyses per spec (the fast path is free); one takes up to about 0.5 s. */
const MAX_ANALYSES = 50;
/** Analyses that may end unsafe per spec: those are the slow ones (they run to the step limit). */
const MAX_UNSAFE = 10;
/** Longer patterns are not analysed. */
const MAX_LENGTH = 500;

export class PatternJudge {
  private readonly verdicts = new Map<string, PatternUnchecked | null>();
  private analyses = 0;
  private unsafe = 0;

  /** Undefined when the pattern may be checked; otherwise why not. */
  uncheckedReason(pattern: string): PatternUnchecked | undefined {
    let v = this.verdicts.get(pattern);
    if (v === undefined) {
      v = this.judge(pattern);
      this.verdicts.set(pattern, v);
    }
    return v ?? undefined;
  }

  private judge(pattern: string): PatternUnchecked | null {
    try {
      new RegExp(pattern);
    } catch {
      return 'invalid';
    }
    if (isFixedLength(pattern)) return null;
    if (pattern.length > MAX_LENGTH || this.analyses >= MAX_ANALYSES || this.unsafe >= MAX_UNSAFE) return 'budget';
    this.analyses++;
    let safe = false;
    try {
      safe = isSafePattern(pattern, { maxSteps: MAX_STEPS }).safe;
    } catch {
      // a construct the analyser does not support: not shown safe
    }
    if (safe) return null;
    this.unsafe++;
    return 'backtracking';
  }
}

/**
 * True when the pattern (valid, no flags) matches strings of one fixed length in one way: no
 * group, alternation or backreference, and no quantifier but `{n}` outside character classes.
 * (Even bounded variable quantifiers can blow up: `a?a?…a?aa…a` is exponential.)
 */
export function isFixedLength(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      // \1 (backreference) and \k<name> make matching depend on captured text
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return false;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(' || c === '|' || c === '*' || c === '+' || c === '?') return false;
    else if (c === '{' && /^\{\d*,/.test(pattern.slice(i))) return false;
  }
  return true;
}
