export async function waitForSlot(slots: Int32Array, index: number, timeoutMs: number): Promise<boolean> {
  const { async, value } = Atomics.waitAsync(slots, index, 0, timeoutMs);
  const result = async ? await value : value;
  return result !== 'timed-out';
}
