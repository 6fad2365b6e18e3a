import fs from 'fs';
import path from 'path';

export async function storeUpload(userId: string, name: string, data: Buffer, scan: (data: Buffer) => Promise<boolean>) {
  if (!(await scan(data))) throw new Error('infected upload');
  const dir = path.join('uploads', userId);
  await fs.promises.mkdir(dir, { recursive: true });
  await fs.promises.writeFile(path.join(dir, name), data);
}
