export class Gate {
  readonly opened: Promise<void>;
  private release!: () => void;
  private queue: Promise<void> = Promise.resolve();

  constructor() {
    this.opened = new Promise<void>((resolve) => {
      this.release = resolve;
    });
    this.queue = Promise.resolve();
  }

  open() {
    this.release();
  }

  run(task: () => Promise<void>) {
    this.queue = this.queue.then(task);
    return this.queue;
  }
}
