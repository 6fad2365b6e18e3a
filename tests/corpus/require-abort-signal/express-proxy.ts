// An API route proxying a weather service: every slow upstream response ties
// up a request slot until the client gives up.
import { app } from './shared/http.js';

app.get('/weather/:city', async (req, res) => {
  const upstream = await fetch(`https://weather.example.com/v2/${req.params['city'] ?? ''}`); // expect-report
  res.status(upstream.status).json(await upstream.json());
});
