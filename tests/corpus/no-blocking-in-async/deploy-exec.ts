import { execSync } from 'child_process';

export async function deploy(service: string, tag: string): Promise<string> {
  console.log(`deploying ${service}:${tag}`);
  execSync(`docker pull registry.local/${service}:${tag}`, { stdio: 'inherit' }); // expect-report
  const id = execSync(`docker run -d registry.local/${service}:${tag}`).toString().trim(); // expect-report
  return id;
}
