interface Profile {
  name: string;
}

export class ProfileCard {
  private constructor(readonly profile: Profile) {}

  static async load(userId: string): Promise<ProfileCard> {
    const response = await fetch(`/api/users/${userId}`);
    return new ProfileCard((await response.json()) as Profile);
  }
}
