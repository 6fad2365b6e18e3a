import { readFile } from 'node:fs/promises';
import { app } from '../shared/http.js';
import { fill } from '../shared/templates.js';

app.get('/invoice/:id', async (req, res) => {
  const page = fill(await readFile('templates/invoice.html', 'utf8'), { id: req.params.id ?? '' });
  res.send(page);
});
