// A thin wrapper handing the caller's own init through: the caller decides
// the bound (its signal travels in `init`).
export async function api(path: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(`https://api.example.com${path}`, init);
  if (res.status === 401) throw new Error('unauthorised');
  return res;
}
