import fs from 'fs';
import path from 'path';

export async function storeUpload(userId: string, name: string, data: Buffer, scan: (data: Buffer) => Promise<boolean>) {
  if (!(await scan(data))) throw new Error('infected upload');
  const dir = path.join('uploads', userId);
  if (!fs.existsSync(dir)) { // expect-report
    fs.mkdirSync(dir, { recursive: true }); // expect-report
  }
  fs.writeFileSync(path.join(dir, name), data); // expect-report
}
