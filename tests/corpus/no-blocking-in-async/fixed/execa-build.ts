import { execa } from 'execa';

export const jobs = {
  async build(project: string) {
    const result = await execa('npm', ['run', 'build', '--prefix', project]);
    return result.stdout;
  },
};
