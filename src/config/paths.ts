import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Project root, resolved from this file so CLIs work from any working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Resolve a configured path against the project root (absolute paths are kept). */
export function resolvePath(p: string): string {
  return path.isAbsolute(p) ? p : path.join(PROJECT_ROOT, p);
}
