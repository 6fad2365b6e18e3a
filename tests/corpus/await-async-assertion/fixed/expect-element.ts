import { page } from '@vitest/browser/context';
import { expect, test } from 'vitest';

test('shows the confirmation', async () => {
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.element(page.getByText('Saved')).toBeVisible();
});
