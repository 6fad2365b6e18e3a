interface Profile {
  name: string;
}

export class ProfileCard {
  profile: Profile | null = null;

  constructor(userId: string) {
    fetch(`/api/users/${userId}`) // expect-report
      .then((response) => response.json())
      .then((profile: Profile) => {
        this.profile = profile;
      });
  }
}
