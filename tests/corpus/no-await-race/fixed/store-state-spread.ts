import { loadProfile, type Profile } from '../shared/services.js';

interface AppState {
  readonly user: Profile | null;
  readonly theme: 'light' | 'dark';
}

let state: AppState = { user: null, theme: 'light' };

export function setTheme(theme: AppState['theme']): void {
  state = { ...state, theme };
}

export async function refreshUser(): Promise<void> {
  const user = await loadProfile('me');
  state = { ...state, user };
}

export function currentState(): AppState {
  return state;
}
