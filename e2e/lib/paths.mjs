// Where things are, independent of the directory the tests are run from.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The e2e/ folder. */
export const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root. */
export const repoRoot = path.resolve(e2eDir, '..');
/** Screenshots and server logs of a run (gitignored). */
export const artifactsDir = path.join(e2eDir, 'artifacts');
