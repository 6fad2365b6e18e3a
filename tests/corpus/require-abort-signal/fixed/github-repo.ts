export async function repoInfo(repo: string): Promise<{ stars: number }> {
  const res = await fetch(`https://api.github.com/repos/${repo}`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GitHub answered ${String(res.status)}`);
  const body = (await res.json()) as { stargazers_count: number };
  return { stars: body.stargazers_count };
}
