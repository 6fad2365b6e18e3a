import * as fse from 'fs-extra';

export async function checkpoint(step: string, work: () => Promise<number>) {
  const state = fse.readJsonSync('state.json') as Record<string, number>; // expect-report
  state[step] = await work();
  fse.outputJsonSync('state.json', state); // expect-report
}
