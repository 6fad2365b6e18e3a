// Hooks that wait for their work, or whose work is synchronous.
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { repo, seedDatabase } from './shared/app.js';

beforeAll(async () => {
  await seedDatabase();
});

beforeEach(() => seedDatabase());

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

it('finds the user', async () => {
  await expect(repo.find('u1')).resolves.toBeDefined();
});
