import { execSync } from 'node:child_process';

export class BuildInfo {
  readonly commit: string;
  readonly node = process.version;

  constructor() {
    this.commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim(); // expect-report
  }
}
