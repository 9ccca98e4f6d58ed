/**
 * A real SMTP server for tests (smtp-server on 127.0.0.1, random port) that parses what it
 * receives with mailparser. `mode` switches its behaviour: accept, answer 4xx, answer 5xx.
 * `stop()` + `start()` reuse the same port, to simulate an outage.
 *
 * By default the sink speaks plaintext only (no STARTTLS), so a portal using it must opt in with
 * `SMTP_ALLOW_PLAINTEXT=1` (spread `sink.env`). With `{ tls: { key, cert } }` it offers STARTTLS
 * with that certificate (see test-cert.ts).
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SinkMode = 'accept' | 'tempfail' | 'permfail';

export interface SmtpSink {
  port: number;
  url: string;
  /** `SMTP_URL` plus the plaintext opt-in (the default sink has no STARTTLS). */
  env: Record<string, string>;
  messages: ParsedMail[];
  /** Per message: whether the session was TLS-protected, and the TLS version. */
  sessions: { secure: boolean; protocol?: string }[];
  /** Raw envelopes: recipients per message, in arrival order. */
  envelopes: { from: string; to: string[] }[];
  mode: SinkMode;
  /** Per-recipient override of `mode` (e.g. make only the receipt address fail). */
  recipientModes: Map<string, SinkMode>;
  start(): Promise<void>;
  stop(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
}

export interface SinkOptions {
  /** Offer STARTTLS with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
  /** With `tls`: TLS from the first byte (smtps://) instead of STARTTLS. */
  implicitTls?: boolean;
}

export async function startSmtpSink(port = 0, options: SinkOptions = {}): Promise<SmtpSink> {
  let server: SMTPServer | undefined;
  const sink: SmtpSink = {
    port,
    url: '',
    env: {},
    messages: [],
    sessions: [],
    envelopes: [],
    mode: 'accept',
    recipientModes: new Map(),
    async start() {
      server = new SMTPServer({
        authOptional: true,
        ...(options.tls
          ? { key: options.tls.key, cert: options.tls.cert, secure: options.implicitTls === true }
          : { disabledCommands: ['STARTTLS'] }),
        logger: false,
        onRcptTo(address, _session, callback) {
          const mode = sink.recipientModes.get(address.address) ?? sink.mode;
          if (mode === 'tempfail') return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          if (mode === 'permfail')
            return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
          callback();
        },
        onAuth(_auth, _session, callback) {
          callback(null, { user: 'test' });
        },
        onData(stream, session, callback) {
          simpleParser(stream)
            .then((parsed) => {
              sink.messages.push(parsed);
              const tls = session as unknown as { secure?: boolean; tlsOptions?: { version?: string } | false };
              sink.sessions.push({
                secure: Boolean(tls.secure),
                ...(tls.tlsOptions ? { protocol: tls.tlsOptions.version } : {}),
              });
              sink.envelopes.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              });
              callback();
            })
            .catch((err) => callback(err));
        },
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(sink.port, '127.0.0.1', () => resolve());
      });
      const address = (server as unknown as { server: { address(): { port: number } } }).server.address();
      sink.port = address.port;
      sink.url = `${options.tls && options.implicitTls ? 'smtps' : 'smtp'}://test:secret@127.0.0.1:${sink.port}`;
      sink.env = options.tls ? { SMTP_URL: sink.url } : { SMTP_URL: sink.url, SMTP_ALLOW_PLAINTEXT: '1' };
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (sink.messages.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} message(s), got ${sink.messages.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return sink.messages;
    },
  };
  await sink.start();
  return sink;
}
