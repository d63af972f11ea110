export { planRelease, type ReleaseOptions, type ReleasePlan } from './plan.js';
export { CHANGELOG_FILE, readPreviousRelease, SNAPSHOT_FILE, snapshotText, type PreviousRelease } from './snapshot.js';
