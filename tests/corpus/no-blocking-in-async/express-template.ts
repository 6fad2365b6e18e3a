import fs from 'node:fs';
import { app } from './shared/http.js';

app.get('/profile/:id', async (req, res) => {
  const template = fs.readFileSync('views/profile.html', 'utf8'); // expect-report
  res.send(template.replace('{{id}}', req.params.id ?? ''));
});
