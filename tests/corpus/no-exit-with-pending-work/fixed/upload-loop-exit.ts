import { upload } from '../shared/tasks.js';

const files = process.argv.slice(2);
for (const file of files) {
  await upload(file);
}
