// Old callback APIs wrapped with `util.promisify`; the delete inside the loop is
// dropped, so the count is a guess and a failed unlink crashes the process.
import fs from 'node:fs';
import util from 'node:util';

const stat = util.promisify(fs.stat);
const unlink = util.promisify(fs.unlink);

export async function pruneOlderThan(files: readonly string[], maxAgeMs: number): Promise<number> {
  let removed = 0;
  for (const file of files) {
    const info = await stat(file);
    if (Date.now() - info.mtimeMs > maxAgeMs) {
      unlink(file); // expect-floating
      removed++;
    }
  }
  return removed;
}
