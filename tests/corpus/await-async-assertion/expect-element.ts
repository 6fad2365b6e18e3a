// vitest browser mode: expect.element retries until the element appears and
// must be awaited.
import { page } from '@vitest/browser/context';
import { expect, test } from 'vitest';

test('shows the confirmation', async () => {
  await page.getByRole('button', { name: 'Save' }).click();
  expect.element(page.getByText('Saved')).toBeVisible(); // expect-report
});
