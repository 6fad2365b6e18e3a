import spawn from 'cross-spawn';

export async function lintChanged(files: Promise<string[]>) {
  const list = await files;
  const child = spawn('eslint', list);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return status === 0;
}
