// A structured logger that takes anything.
export const logger = {
  info(...values: unknown[]): void {
    process.stdout.write(`${values.map((value) => String(value)).join(' ')}\n`);
  },
  error(message: string, detail?: unknown): void {
    process.stderr.write(`${message} ${String(detail)}\n`);
  },
};
