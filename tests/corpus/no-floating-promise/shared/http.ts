/** The slice of an Express-style router the scenarios use. */
export interface Request {
  method: string;
  path: string;
  params: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: unknown;
}

export interface Response {
  status(code: number): Response;
  json(body: unknown): void;
  end(): void;
}

export type Next = (error?: unknown) => void;
export type Handler = (req: Request, res: Response) => void | Promise<void>;
export type Middleware = (req: Request, res: Response, next: Next) => void;

export interface Router {
  get(path: string, handler: Handler): void;
  post(path: string, handler: Handler): void;
  use(middleware: Middleware): void;
}

export function createRouter(): Router {
  const routes: { method: string; path: string; handler: Handler }[] = [];
  const middlewares: Middleware[] = [];
  return {
    get(path, handler) {
      routes.push({ method: 'GET', path, handler });
    },
    post(path, handler) {
      routes.push({ method: 'POST', path, handler });
    },
    use(middleware) {
      middlewares.push(middleware);
    },
  };
}
