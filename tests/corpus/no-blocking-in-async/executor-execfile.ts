import { execFileSync } from 'node:child_process';

export function gitDescribe(cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    try {
      resolve(execFileSync('git', ['describe', '--tags'], { cwd, encoding: 'utf8' }).trim()); // expect-report
    } catch (error) {
      reject(error as Error);
    }
  });
}
