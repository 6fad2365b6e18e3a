// A throw that only fires where promises do not exist at all: there is no
// promise the caller could have caught it from.
export function sleep(ms: number): Promise<void> {
  if (typeof Promise === 'undefined') {
    throw new Error('sleep() needs a Promise implementation');
  }
  return new Promise((resolve) => setTimeout(resolve, ms));
}
