// Just enough of an HTTP framework for handlers.
export interface Request {
  params: Record<string, string>;
  body: unknown;
  headers: Record<string, string | undefined>;
}

export interface Response {
  status(code: number): Response;
  json(body: unknown): void;
  send(body: unknown): void;
}

export type Handler = (req: Request, res: Response) => Promise<void> | void;
