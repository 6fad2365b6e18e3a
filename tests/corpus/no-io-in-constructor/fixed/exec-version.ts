import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export class BuildInfo {
  readonly node = process.version;

  private constructor(readonly commit: string) {}

  static async collect(): Promise<BuildInfo> {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
    return new BuildInfo(stdout.trim());
  }
}
