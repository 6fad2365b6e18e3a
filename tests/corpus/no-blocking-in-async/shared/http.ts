/** A tiny stand-in for an HTTP framework. */
export interface Request {
  params: Record<string, string>;
  body: unknown;
}
export interface Response {
  send(body: string | Buffer): void;
  json(body: unknown): void;
  status(code: number): Response;
}
export type Handler = (req: Request, res: Response) => Promise<void> | void;
export const app = {
  routes: new Map<string, Handler>(),
  get(path: string, handler: Handler) {
    this.routes.set(`GET ${path}`, handler);
  },
  post(path: string, handler: Handler) {
    this.routes.set(`POST ${path}`, handler);
  },
};
