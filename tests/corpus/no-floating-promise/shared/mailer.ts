export async function sendEmail(to: string, subject: string, body: string): Promise<void> {
  const response = await fetch('https://mail.example.com/v1/send', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to, subject, body }),
  });
  if (!response.ok) throw new Error(`mail API answered ${response.status}`);
}
