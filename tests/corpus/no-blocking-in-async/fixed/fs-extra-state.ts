import * as fse from 'fs-extra';

export async function checkpoint(step: string, work: () => Promise<number>) {
  const state = (await fse.readJson('state.json')) as Record<string, number>;
  state[step] = await work();
  await fse.outputJson('state.json', state);
}
