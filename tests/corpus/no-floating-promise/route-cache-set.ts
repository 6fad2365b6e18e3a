// An async route that fills the cache on a miss but never waits for the write:
// a failing cache backend turns into an unhandled rejection after the response.
import { createRouter, type Request, type Response } from './shared/http.js';
import { Cache } from './shared/cache.js';
import { findUser, type User } from './shared/users.js';

const router = createRouter();
const users = new Cache<User>(60_000);

router.get('/users/:id', async (req: Request, res: Response) => {
  const id = req.params['id'] ?? '';
  const cached = await users.get(id);
  if (cached) {
    res.json(cached);
    return;
  }
  const user = await findUser(id);
  if (!user) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  users.set(id, user); // expect-floating
  res.json(user);
});

export default router;
