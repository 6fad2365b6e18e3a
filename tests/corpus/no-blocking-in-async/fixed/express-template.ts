import fs from 'node:fs';
import { app } from '../shared/http.js';

app.get('/profile/:id', async (req, res) => {
  const template = await fs.promises.readFile('views/profile.html', 'utf8');
  res.send(template.replace('{{id}}', req.params.id ?? ''));
});
