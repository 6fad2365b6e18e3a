import { app } from '../shared/http.js';

app.get('/weather/:city', async (req, res) => {
  const upstream = await fetch(`https://weather.example.com/v2/${req.params['city'] ?? ''}`, {
    signal: AbortSignal.timeout(4_000),
  });
  res.status(upstream.status).json(await upstream.json());
});
