/** Browser-side API client used by the hook scenarios. */
export interface Profile {
  id: string;
  displayName: string;
  avatarUrl: string | null;
}

export async function fetchProfile(userId: string): Promise<Profile> {
  const response = await fetch(`/api/profiles/${encodeURIComponent(userId)}`);
  if (!response.ok) throw new Error(`profile request failed with ${response.status}`);
  return (await response.json()) as Profile;
}
