/** Configuration: defaults, and a bad value stops start-up with a message naming the variable. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#src/server/env.ts';
import { startPortalExpectingFailure } from '../helpers/portal-server.ts';

describe('loadConfig', () => {
  it('has embedded defaults for everything (a fresh machine works)', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 4321,
      HOST: 'localhost',
      SMTP_URL: undefined,
      OUTBOX_RETENTION_DAYS: 0,
      OUTBOX_MAX_ATTEMPTS: 20,
      OUTBOX_RETRY_BASE_MS: 30_000,
      RATE_LIMIT_PER_MINUTE: 20,
      MAX_BODY_BYTES: 20 * 1024 * 1024,
      TRUST_PROXY: false,
    });
    expect(config.outboxDir).toMatch(/\/var\/outbox$/);
    expect(config.mailDir).toMatch(/\/var\/mail$/);
    expect(config.idempotencyDir).toMatch(/\/var\/idempotency$/);
  });

  it('parses good values and treats empty strings as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      SMTP_URL: 'smtps://user:p%40ss@mail.example.lv:465',
      PUBLIC_ORIGIN: 'https://atbalsts.example.lv/',
      OUTBOX_RETENTION_DAYS: '7',
      MAIL_TO_OVERRIDE: 'test@example.lv',
      TRUST_PROXY: 'true',
      MAIL_FROM: '',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      PUBLIC_ORIGIN: 'https://atbalsts.example.lv',
      OUTBOX_RETENTION_DAYS: 7,
      TRUST_PROXY: true,
      MAIL_FROM: 'Atbalsts <atbalsts@localhost>',
    });
  });

  const bad: [string, string][] = [
    ['PORT', 'http'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['SMTP_URL', 'http://mail.example.lv'],
    ['SMTP_URL', 'mail.example.lv:587'],
    ['SMTP_URL', 'smtp://'],
    ['MAIL_FROM', 'Atbalsts <atbalsts@x.lv>\r\nBcc: a@b.c'],
    ['MAIL_FROM', 'not an address'],
    ['MAIL_TO_OVERRIDE', 'a@b.lv, c@d.lv'],
    ['OUTBOX_RETRY_BASE_MS', '-1'],
    ['OUTBOX_MAX_ATTEMPTS', '0'],
    ['OUTBOX_RETENTION_DAYS', 'week'],
    ['PUBLIC_ORIGIN', 'https://atbalsts.example.lv/lv/'],
    ['PUBLIC_ORIGIN', 'atbalsts.example.lv'],
    ['RATE_LIMIT_PER_MINUTE', '0'],
    ['MAX_BODY_BYTES', '10'],
    ['TRUST_PROXY', 'maybe'],
    ['LOG_LEVEL', 'verbose'],
    ['FORM_KEY_SECRET', 'too-short'],
    ['SMTP_ALLOW_PLAINTEXT', 'sometimes'],
    ['SMTP_TLS_CA', '/nonexistent/ca.pem'],
  ];
  it.each(bad)('%s=%j is refused with "Config error: %s must be …"', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(new RegExp(`^Config error: ${name} must be `));
    expect((error as ConfigError).variable).toBe(name);
  });
});

describe('the server refuses to start on bad configuration', () => {
  it('exits with the variable named and without echoing the secret', async () => {
    const { code, output } = await startPortalExpectingFailure({ SMTP_URL: 'smtp://user:hunter2@' });
    expect(code).toBe(78);
    expect(output).toContain('Config error: SMTP_URL must be an smtp:// or smtps:// URL');
    expect(output).not.toContain('hunter2');
  });

  it('exits when the build is missing', async () => {
    const { code, output } = await startPortalExpectingFailure({}, '/nonexistent/dist');
    expect(code).toBe(78);
    expect(output).toContain('Config error: DIST_DIR must be a built portal');
  });
});

describe('documentation', () => {
  it('.env.example and docs/deploy.md list exactly the variables the server reads', async () => {
    const { readFileSync } = await import('node:fs');
    const { CONFIG_VARIABLES } = await import('#src/server/env.ts');
    const example = readFileSync('.env.example', 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => l.split('=')[0]);
    expect([...example].sort()).toEqual([...CONFIG_VARIABLES].sort());
    const deploy = readFileSync('docs/deploy.md', 'utf8');
    for (const name of CONFIG_VARIABLES) expect(deploy, name).toContain(`\`${name}\``);
  });
});
