// A dispatcher with a synchronous throw for unknown kinds; every known kind
// returns a promise.
import { insert, remove } from './shared/store.js';

type Command = { kind: 'create'; name: string } | { kind: 'delete'; id: string } | { kind: string };

export function dispatch(command: Command): Promise<unknown> {
  switch (command.kind) {
    case 'create':
      return insert('items', command);
    case 'delete':
      return remove('items', (command as { id: string }).id);
    default:
      throw new Error(`unknown command ${command.kind}`); // expect-report
  }
}
