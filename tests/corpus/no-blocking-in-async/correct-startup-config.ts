import { readFileSync } from 'node:fs';
import { app } from './shared/http.js';

// Read once at startup, before the server handles anything.
const config = JSON.parse(readFileSync('config.json', 'utf8')) as { greeting: string };
const banner = readFileSync('banner.txt', 'utf8');
console.log(banner);

app.get('/hello', async (_req, res) => {
  res.send(config.greeting);
});
