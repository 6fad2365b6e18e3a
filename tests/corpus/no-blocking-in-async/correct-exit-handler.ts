import { writeFileSync } from 'node:fs';

const state = { processed: 0 };

process.on('exit', () => {
  writeFileSync('state.json', JSON.stringify(state));
});

export async function work(items: AsyncIterable<string>) {
  for await (const item of items) {
    state.processed += item.length > 0 ? 1 : 0;
  }
}
