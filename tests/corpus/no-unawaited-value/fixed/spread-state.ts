import { getUser } from '../shared/users.js';

interface State {
  loading: boolean;
  name?: string;
}

export async function reducer(state: State, id: string): Promise<State> {
  const user = await getUser(id);
  return { ...state, ...user, loading: false };
}
