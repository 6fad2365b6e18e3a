import { sendMail } from './shared/mailer.js';

interface Team {
  name: string;
  members: string[];
}

export async function announce(teams: Team[], text: string) {
  teams.forEach((team) => {
    team.members.forEach(async (email) => { // expect-misused
      await sendMail({ to: email, subject: team.name, body: text });
    });
  });
}
