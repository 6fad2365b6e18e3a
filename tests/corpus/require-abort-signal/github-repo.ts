// A CLI asking GitHub for repository metadata: when the API hangs, so does the
// command, forever.
export async function repoInfo(repo: string): Promise<{ stars: number }> {
  const res = await fetch(`https://api.github.com/repos/${repo}`); // expect-report
  if (!res.ok) throw new Error(`GitHub answered ${String(res.status)}`);
  const body = (await res.json()) as { stargazers_count: number };
  return { stars: body.stargazers_count };
}
