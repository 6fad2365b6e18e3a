import { describe, expect, it } from 'vitest';
import { api } from '../shared/app.js';

describe('api.getUser', () => {
  it('rejects unknown ids', async () => {
    await expect(api.getUser('nope')).rejects.toThrow('404');
  });
});
