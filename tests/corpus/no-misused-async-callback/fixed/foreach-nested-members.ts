import { sendMail } from './shared/mailer.js';

interface Team {
  name: string;
  members: string[];
}

export async function announce(teams: Team[], text: string) {
  for (const team of teams) {
    for (const email of team.members) {
      await sendMail({ to: email, subject: team.name, body: text });
    }
  }
}
