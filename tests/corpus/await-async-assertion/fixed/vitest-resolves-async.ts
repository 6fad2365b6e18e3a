import { expect, test } from 'vitest';
import { repo } from '../shared/app.js';

test('finds the saved user', async () => {
  await repo.save({ name: 'Ada' });
  await expect(repo.find('u1')).resolves.toMatchObject({ name: 'Ada' });
});
