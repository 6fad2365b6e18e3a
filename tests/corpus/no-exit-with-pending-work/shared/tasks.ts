// Stand-ins for the work the scripts run: builds, uploads, a logger that
// writes asynchronously, a database pool.
export async function build(target: string): Promise<number> {
  return target.length;
}

export async function upload(file: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 10, file));
}

export async function runMigrations(): Promise<number> {
  return 3;
}

export async function flushMetrics(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 10));
}

export async function runTests(): Promise<{ failed: number }> {
  return { failed: 0 };
}

export const db = {
  async end(): Promise<void> {},
};

export const server = {
  close(callback?: () => void): void {
    callback?.();
  },
};
