// Without WEBHOOK_URL notices are kept in the outbox as SKIPPED and sent nowhere; the
// start-up line says so and how to see them, so they do not seem to vanish.
export const noticesWithoutReceiver = (apiBase = 'http://<API>'): string =>
  `notices are stored, not sent (WEBHOOK_URL is unset): list them with GET ${apiBase}/v1/admin/notices?state=SKIPPED (admin token: npm run -s token -- --role admin --sub you)`;
