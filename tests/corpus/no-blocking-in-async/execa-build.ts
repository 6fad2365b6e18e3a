import { execaSync } from 'execa';

export const jobs = {
  async build(project: string) {
    const result = execaSync('npm', ['run', 'build', '--prefix', project]); // expect-report
    return result.stdout;
  },
};
