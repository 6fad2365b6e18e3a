// Two pulls in flight: each concatenates onto the buffer it read before its
// chunk arrived, so one chunk disappears.
import { readChunk } from './shared/services.js';

export class ChunkCollector {
  private buffer = Buffer.alloc(0);

  async pull(): Promise<void> {
    this.buffer = Buffer.concat([this.buffer, await readChunk()]); // expect-report
  }

  get size(): number {
    return this.buffer.length;
  }
}
