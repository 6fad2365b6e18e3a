import { expect, it } from 'vitest';
import { parseConfig } from '../shared/app.js';

it('rejects every malformed line', async () => {
  const bad = ['', 'novalue', '  '];
  for (const line of bad) {
    await expect(parseConfig(line)).rejects.toThrow(SyntaxError);
  }
});
