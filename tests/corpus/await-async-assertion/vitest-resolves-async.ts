// An async test whose only assertion is not awaited.
import { expect, test } from 'vitest';
import { repo } from './shared/app.js';

test('finds the saved user', async () => {
  await repo.save({ name: 'Ada' });
  expect(repo.find('u1')).resolves.toMatchObject({ name: 'Ada' }); // expect-report
});
