async function isValidField(value: string): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return value.trim().length > 0;
}

export async function validateForm(fields: string[]) {
  const results = await Promise.all(fields.map((field) => isValidField(field)));
  return results.every(Boolean) ? 'valid' : 'invalid';
}
