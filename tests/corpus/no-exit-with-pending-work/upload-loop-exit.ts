// Starts one upload per file and exits: none of the uploads finishes.
import { upload } from './shared/tasks.js';

const files = process.argv.slice(2);
for (const file of files) {
  upload(file);
}
process.exit(0); // expect-report
