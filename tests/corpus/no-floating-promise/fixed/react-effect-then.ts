// A data-fetching effect with a `.then` and no `.catch`: a 500 from the API is
// an unhandled rejection in the browser console and the component spins forever.
import { useEffect, useState } from '../shared/hooks.js';
import { fetchProfile, type Profile } from '../shared/api.js';

export function useProfile(userId: string): Profile | null {
  const [profile, setProfile] = useState<Profile | null>(null);

  useEffect(() => {
    fetchProfile(userId)
      .then(setProfile)
      .catch((error: unknown) => console.error('could not load profile', error));
  }, [userId]);

  return profile;
}
