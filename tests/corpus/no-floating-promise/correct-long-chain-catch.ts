// Fire-and-forget chains that do end in a rejection handler, however far away.
interface WidgetView {
  setBusy(busy: boolean): void;
  render(items: string[]): void;
  showError(message: string): void;
}

export function loadWidgets(view: WidgetView): void {
  view.setBusy(true);
  fetch('/api/widgets')
    .then((response) => {
      if (!response.ok) throw new Error(`widgets request failed with ${response.status}`);
      return response.json() as Promise<string[]>;
    })
    .then((items) => view.render(items))
    .finally(() => view.setBusy(false))
    .catch((error: unknown) => view.showError(String(error)));
}

export function ping(): void {
  fetch('/api/ping').then(
    () => console.debug('pong'),
    (error: unknown) => console.warn('ping failed', error),
  );
}
