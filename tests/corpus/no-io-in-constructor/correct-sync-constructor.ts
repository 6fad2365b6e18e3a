import { EventEmitter } from 'node:events';

export class Router extends EventEmitter {
  private readonly routes = new Map<string, () => Promise<string>>();
  private readonly onError: (error: Error) => void;

  constructor(readonly prefix: string) {
    super();
    this.onError = (error) => console.error(prefix, error);
    this.on('error', this.onError);
    this.routes.set('/health', async () => 'ok');
    setTimeout(() => this.emit('ready'), 0);
  }

  async handle(path: string) {
    const route = this.routes.get(path);
    return route ? route() : '404';
  }
}
