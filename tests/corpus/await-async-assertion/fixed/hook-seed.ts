import { beforeEach, expect, it } from 'vitest';
import { repo, seedDatabase } from '../shared/app.js';

beforeEach(async () => {
  await seedDatabase();
});

it('finds the seeded user', async () => {
  expect(await repo.find('u1')).toBeDefined();
});
