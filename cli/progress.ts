/**
 * The progress line of `async-pitfalls` on a terminal: `files done / total`
 * and the file being linted, redrawn in place. Quiet for the first ~2 s so
 * that short runs print nothing but their results, and erased when the run ends.
 */

export interface ProgressStream {
  write(text: string): unknown;
  columns?: number | undefined;
}

export interface ProgressOptions {
  stream: ProgressStream;
  /** Off when the stream is not a terminal, in CI, or with --no-progress. */
  enabled: boolean;
  /** Milliseconds before the first line appears. */
  delayMs?: number;
  /** Milliseconds between two redraws. */
  intervalMs?: number;
  now?: () => number;
}

export interface Progress {
  /** The number of files the run will lint. */
  setTotal(total: number): void;
  /** ESLint has started on `file` (shown relative to the working directory by the caller). */
  fileStarted(file: string): void;
  /** Erase the line before the results are printed. */
  finish(): void;
}

const ERASE_LINE = '\r\u001B[2K';

export function createProgress({ stream, enabled, delayMs = 2000, intervalMs = 100, now = Date.now }: ProgressOptions): Progress {
  const startedAt = now();
  let total = 0;
  let done = 0;
  let lastDrawAt = -Infinity;
  let drawn = false;

  return {
    setTotal(count) {
      total = count;
    },
    fileStarted(file) {
      done += 1;
      if (!enabled) return;
      const at = now();
      if (at - startedAt < delayMs || at - lastDrawAt < intervalMs) return;
      lastDrawAt = at;
      drawn = true;
      stream.write(ERASE_LINE + fit(`async-pitfalls: ${String(Math.min(done, total))}/${String(total)} files  `, file, stream.columns));
    },
    finish() {
      if (drawn) stream.write(ERASE_LINE);
      drawn = false;
    },
  };
}

/** Cut the line to the terminal's width, keeping the count and the end of the path (its most telling part). */
function fit(prefix: string, file: string, columns: number | undefined): string {
  const room = (columns ?? 80) - 1 - prefix.length;
  if (file.length <= room) return prefix + file;
  if (room < 2) return prefix.slice(0, Math.max(0, prefix.length + room));
  return `${prefix}…${file.slice(file.length - room + 1)}`;
}
