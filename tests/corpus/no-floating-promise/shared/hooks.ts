/** Just enough of React's hook signatures to write effects against (no runtime). */
type Destructor = () => void;
type SetState<T> = (next: T | ((previous: T) => T)) => void;

const slots: unknown[] = [];
let cursor = 0;

export function useState<T>(initial: T): [T, SetState<T>] {
  const index = cursor++;
  if (slots.length <= index) slots.push(initial);
  const set: SetState<T> = (next) => {
    const previous = slots[index] as T;
    slots[index] = typeof next === 'function' ? (next as (previous: T) => T)(previous) : next;
  };
  return [slots[index] as T, set];
}

export function useEffect(effect: () => void | Destructor, deps: readonly unknown[]): void {
  if (deps.length >= 0) effect();
}
