import type { Locale } from '@cascade/shared';
import { createTransport, type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import { accountMailText, type AccountMail } from './account-mail-strings.ts';

export type { AccountMail } from './account-mail-strings.ts';

/**
 * Emails about a person's account (invitations, password resets), sent at once rather than
 * queued: the person is waiting for them, and the answer says whether it went out.
 * Null without SMTP_URL.
 */
export function accountMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>) {
  if (!config.SMTP_URL) return null;
  const url = config.SMTP_URL;
  let transport: Transporter | undefined;
  return async (to: string, locale: Locale, mail: AccountMail): Promise<void> => {
    transport ??= createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    const { subject, text } = accountMailText(locale, mail);
    await transport.sendMail({ from: config.MAIL_FROM, to, subject, text });
  };
}
export type AccountMailer = NonNullable<ReturnType<typeof accountMailer>>;
