// The classic: assertions inside a .then the test does not return. The test
// finishes first; the expect runs (and fails) after it.
import { expect, it } from 'vitest';
import { repo } from './shared/app.js';

it('assigns an id on save', () => {
  repo.save({ name: 'Ada' }).then((saved) => { // expect-report
    expect(saved.id).toBeDefined();
  });
});
