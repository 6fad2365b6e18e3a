import { expect, it } from 'vitest';
import { repo } from '../shared/app.js';

it('assigns an id on save', () => {
  return repo.save({ name: 'Ada' }).then((saved) => {
    expect(saved.id).toBeDefined();
  });
});
