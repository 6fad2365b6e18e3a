import { app } from './shared/http.js';
import { fill, loadTemplate } from './shared/templates.js';

app.get('/invoice/:id', async (req, res) => {
  const page = fill(loadTemplate('invoice'), { id: req.params.id ?? '' }); // expect-report
  res.send(page);
});
