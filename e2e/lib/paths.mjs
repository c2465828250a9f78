// Where things are, independent of the directory the tests are run from.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The e2e/ folder. */
export const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root. */
export const repoRoot = path.resolve(e2eDir, '..');
/** Which database the servers of this run use: `sqlite` (default) or `postgres`. */
export const database = process.env.E2E_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
/** Screenshots and server logs of a run (gitignored); a PostgreSQL run keeps its own. */
export const artifactsDir = path.join(e2eDir, 'artifacts', ...(database === 'postgres' ? ['postgres'] : []));
