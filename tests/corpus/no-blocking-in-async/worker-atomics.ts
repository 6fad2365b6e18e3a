export async function waitForSlot(slots: Int32Array, index: number, timeoutMs: number): Promise<boolean> {
  const result = Atomics.wait(slots, index, 0, timeoutMs); // expect-report
  return result !== 'timed-out';
}
