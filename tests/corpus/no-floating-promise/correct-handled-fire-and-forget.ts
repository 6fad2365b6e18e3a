// Fire-and-forget on purpose, with the rejection handled every time.
async function sendBeacon(event: string, id: string): Promise<void> {
  const response = await fetch('/beacon', { method: 'POST', body: JSON.stringify({ event, id }) });
  if (!response.ok) throw new Error(`beacon answered ${response.status}`);
}

function ignore(): void {}

export function trackClick(id: string): void {
  sendBeacon('click', id).catch((error: unknown) => console.debug('beacon lost', error));
}

export function trackView(id: string): void {
  void sendBeacon('view', id).catch(ignore);
}

export function trackScroll(id: string): void {
  sendBeacon('scroll', id).then(ignore, ignore);
}

export function trackLeave(id: string): void {
  sendBeacon('leave', id)
    .catch(ignore)
    .finally(() => console.debug(`left ${id}`));
}
