// The seeding hook starts the work and returns: the first test runs against
// an empty database.
import { beforeEach, expect, it } from 'vitest';
import { repo, seedDatabase } from './shared/app.js';

beforeEach(() => {
  seedDatabase(); // expect-report
});

it('finds the seeded user', async () => {
  expect(await repo.find('u1')).toBeDefined();
});
