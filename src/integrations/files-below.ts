/** Walking a build output folder: every file below it, depth first, for the post-build integrations. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function* filesBelow(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesBelow(path);
    else if (entry.isFile()) yield path;
  }
}
