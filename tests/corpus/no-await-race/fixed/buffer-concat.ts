import { readChunk } from '../shared/services.js';

export class ChunkCollector {
  private buffer = Buffer.alloc(0);

  async pull(): Promise<void> {
    const chunk = await readChunk();
    this.buffer = Buffer.concat([this.buffer, chunk]);
  }

  get size(): number {
    return this.buffer.length;
  }
}
