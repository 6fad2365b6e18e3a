import { execFile } from 'node:child_process';

export function gitDescribe(cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', ['describe', '--tags'], { cwd, encoding: 'utf8' }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout.trim());
    });
  });
}
