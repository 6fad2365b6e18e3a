// Branching written as an expression: whichever branch runs, its promise is
// dropped; the same goes for the `&&` shortcut below it.
interface Profile {
  email: string;
  displayName: string;
}

const profiles = new Map<string, Profile>();

async function createProfile(profile: Profile): Promise<string> {
  const id = `p_${profiles.size + 1}`;
  profiles.set(id, profile);
  return id;
}

async function updateProfile(id: string, changes: Partial<Profile>): Promise<void> {
  const current = profiles.get(id);
  if (!current) throw new Error(`no profile ${id}`);
  profiles.set(id, { ...current, ...changes });
}

async function notifyOwner(email: string): Promise<void> {
  await fetch('https://notify.example.com/profile-changed', { method: 'POST', body: email });
}

export async function upsertProfile(existingId: string | null, profile: Profile, notify: boolean): Promise<void> {
  await (existingId ? updateProfile(existingId, profile) : createProfile(profile));
  if (notify) await notifyOwner(profile.email);
}
