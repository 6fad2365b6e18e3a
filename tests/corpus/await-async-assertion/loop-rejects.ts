// A table of bad inputs checked in a loop; none of the checks is awaited.
import { expect, it } from 'vitest';
import { parseConfig } from './shared/app.js';

it('rejects every malformed line', async () => {
  const bad = ['', 'novalue', '  '];
  for (const line of bad) {
    expect(parseConfig(line)).rejects.toThrow(SyntaxError); // expect-report
  }
});
