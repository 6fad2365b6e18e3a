import { readFile } from 'node:fs/promises';
import { db } from './shared/db.js';

export async function loadSeed(path: string) {
  const text = await readFile(path, 'utf8');
  for (const id of text.split('\n')) await db.insert('seed', { id });
}
