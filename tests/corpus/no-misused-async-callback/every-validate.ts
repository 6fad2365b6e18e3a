async function isValidField(value: string): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return value.trim().length > 0;
}

export async function validateForm(fields: string[]) {
  const ok = fields.every((field) => isValidField(field)); // expect-misused
  return ok ? 'valid' : 'invalid';
}
