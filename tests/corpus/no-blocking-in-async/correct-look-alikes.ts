const cache = {
  readFileSync(key: string) {
    return sessionStorage.getItem(key) ?? '';
  },
};

function execSync(command: string): string {
  return `dry run: ${command}`;
}

export async function plan(commands: string[]) {
  const saved = cache.readFileSync('plan');
  return [saved, ...commands.map((command) => execSync(command))];
}
