import nodemailer, { type Transporter } from "nodemailer";
import type { EmailPayload } from "./payloads";

// Email through the configured SMTP server (SMTP_URL), with nodemailer (decision 019).

export interface Mailer {
  /** Why the attempt failed, in words for the run history; null when the server took the mail. */
  send(payload: EmailPayload): Promise<string | null>;
  close(): void;
}

/** A mailer on `smtpUrl`, each step of a conversation bounded by `timeoutMs`. */
export function smtpMailer(smtpUrl: string, from: string, timeoutMs: number): Mailer {
  const transport: Transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  } as nodemailer.TransportOptions);
  return {
    async send(payload) {
      try {
        await transport.sendMail({ from, to: payload.to, subject: payload.subject, text: payload.text });
        return null;
      } catch (error) {
        return `SMTP: ${error instanceof Error ? error.message : String(error)}`;
      }
    },
    close: () => transport.close(),
  };
}
