import { readFile, writeFile } from 'node:fs/promises';
import { promises as fsp } from 'node:fs';
import fs from 'node:fs';
import { app } from './shared/http.js';

app.post('/notes/:id', async (req, res) => {
  const file = `notes/${req.params.id ?? 'x'}.md`;
  const previous = await readFile(file, 'utf8').catch(() => '');
  await writeFile(file, `${previous}\n${String(req.body)}`);
  await fsp.appendFile('notes/index.log', `${file}\n`);
  const stats = await fs.promises.stat(file);
  res.json({ size: stats.size });
});
