// A buffered writer whose base class flushes from a sync `write`, and whose
// subclass "ends" by starting one more flush and walking away.
import { appendFile } from 'node:fs/promises';

abstract class BufferedWriter {
  protected buffer: string[] = [];
  protected failure: unknown = null;

  write(chunk: string): void {
    this.buffer.push(chunk);
    if (this.buffer.length >= 64) {
      this.flush().catch((error: unknown) => {
        this.failure = error;
      });
    }
  }

  async flush(): Promise<void> {
    const data = this.buffer.splice(0);
    if (data.length > 0) await this.sink(data.join(''));
  }

  protected abstract sink(data: string): Promise<void>;
}

export class FileWriter extends BufferedWriter {
  constructor(private readonly file: string) {
    super();
  }

  end(): Promise<void> {
    return this.flush();
  }

  protected async sink(data: string): Promise<void> {
    await appendFile(this.file, data);
  }
}
