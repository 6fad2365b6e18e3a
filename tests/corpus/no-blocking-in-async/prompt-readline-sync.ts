import readlineSync from 'readline-sync';

export async function confirmAndRun(step: () => Promise<void>) {
  if (readlineSync.keyInYN('Apply the migration?')) { // expect-report
    await step();
  }
}
