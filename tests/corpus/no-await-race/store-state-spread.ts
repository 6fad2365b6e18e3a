// A tiny global store: a settings change made while the profile loads is
// overwritten by the stale copy spread before the await.
import { loadProfile, type Profile } from './shared/services.js';

interface AppState {
  readonly user: Profile | null;
  readonly theme: 'light' | 'dark';
}

let state: AppState = { user: null, theme: 'light' };

export function setTheme(theme: AppState['theme']): void {
  state = { ...state, theme };
}

export async function refreshUser(): Promise<void> {
  state = { ...state, user: await loadProfile('me') }; // expect-report
}

export function currentState(): AppState {
  return state;
}
