// A minimal express-style router.
export interface Req {
  readonly params: Record<string, string>;
  readonly query: Record<string, string | undefined>;
}

export interface Res {
  json(body: unknown): void;
  status(code: number): Res;
}

type Handler = (req: Req, res: Res) => unknown;

export const app = {
  routes: new Map<string, Handler>(),
  get(path: string, handler: Handler): void {
    this.routes.set(`GET ${path}`, handler);
  },
};
