/**
 * The folders of the output that sdkforge owns (`sdk/`, `docs/`): each is replaced as a whole on
 * every run, except what its emitter keeps (install state and builds others write into it), and
 * each carries a marker file that says sdkforge wrote it. A folder without the marker was not
 * written by sdkforge and is never replaced without `--force`.
 */
export interface OwnedFolder {
  /** Top-level entry of the output folder: `sdk`, `docs`. */
  folder: string;
  /**
   * Paths inside the folder that sdkforge does not generate and that survive regeneration
   * (`node_modules`, `dist`, `package-lock.json`): relative to the folder, `/`-separated, a
   * segment may use `*`, and `**` matches any depth. `check` ignores them too.
   */
  keeps?: readonly string[];
}

/** The marker file at the top of every owned folder. */
export const OWNERSHIP_MARKER = '.sdkforge';

export const MARKER_TEXT =
  'This folder is written by sdkforge (`sdkforge generate`) and replaced as a whole on every run;\n' +
  'only the install state and build outputs its emitter keeps survive. Do not keep your own files here.\n';

/**
 * Glob patterns, relative to the output folder, of what an owned folder holds that is not
 * generated: the kept entries (and anything under them) and the marker. `check` ignores these;
 * the writer carries the kept ones over to the new folder.
 */
export function notGeneratedPatterns(owned: readonly OwnedFolder[]): string[] {
  return owned.flatMap((o) => [`${o.folder}/${OWNERSHIP_MARKER}`, ...(o.keeps ?? []).flatMap((k) => [`${o.folder}/${k}`, `${o.folder}/${k}/**`])]);
}
