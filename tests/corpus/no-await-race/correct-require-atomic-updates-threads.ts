// The cases that made ESLint's require-atomic-updates famous for false alarms
// (eslint/eslint issues #17312, #13907, #12423, #14695, #19377, #15260 and the
// koa `ctx.body` reports that led projects such as firefox-devtools/profiler-server
// to turn it off). None of them reads shared state before an await and writes
// it back from that stale read.
import { loadProfile, render } from './shared/services.js';

interface Context {
  body: string;
  status: number;
  state: { user?: string };
}

// koa middleware: the context belongs to this request alone.
export async function page(ctx: Context): Promise<void> {
  ctx.body = await render('home');
  ctx.status = 200;
}

// #17312: a parameter object mutated after an await.
async function addDefault(headers: Record<string, string>): Promise<void> {
  headers['accept'] = 'application/json';
}

export async function prepare(headers: Record<string, string>): Promise<void> {
  await addDefault(headers);
  headers['x-request-id'] = 'abc';
}

// #13907: a property of a parameter set from an awaited value.
export async function hydrate(user: { id: string; name?: string }): Promise<void> {
  const profile = await loadProfile(user.id);
  user.name = profile.name;
}

// #12423: a local assigned conditionally, then a parameter's nested property.
export async function stamp(note: { path: string; metadata: { created?: Date } }, stat?: { birthtime: Date }): Promise<void> {
  let info = stat;
  if (!info) info = await Promise.resolve({ birthtime: new Date(0) });
  note.metadata.created = info.birthtime;
}

// #14695: an assignment after a pointless await.
export async function rename(thing: { name: string }, name: string): Promise<void> {
  await Promise.resolve();
  thing.name = name;
}

// #19377: a React ref written from an awaited value.
export async function loadInto(ref: { current: string | null }): Promise<void> {
  const value = await render('ref');
  ref.current = value;
}

// #15260: a reactive flag written after an early-return check and an await.
export async function toggle(show: { value: boolean }, load: () => Promise<string[]>): Promise<void> {
  if (show.value) {
    show.value = false;
    return;
  }
  const langs = await load();
  if (langs.length > 1) show.value = true;
}
