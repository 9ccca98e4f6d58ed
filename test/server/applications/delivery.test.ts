/**
 * Each form's submission arrives once at a real SMTP server (smtp-server + mailparser), through
 * the real suite.portal process: routing, subject, bodies, attachments, application.json, PDF; the
 * receipt in the resident's language; a duplicate post sends one e-mail.
 */
import { describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { example, FORMS, SAMPLES } from './helpers.ts';
import { portalWithMailForFile } from './portal.ts';

const suite = portalWithMailForFile();

const mailsFor = (ref: string) => suite.sink.messages.filter((m) => (m.subject ?? '').includes(ref));
async function until(check: () => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function post(
  form: string,
  body: unknown,
  key = `k-${form}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
) {
  return fetch(`${suite.portal.url}/api/daugavpils/applications/${form}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}

const expectations: Record<string, { name: string; receipt: 'lv' | 'ru' | null; inText: string[] }> = {
  'social-assistance': {
    name: 'Jānis Bērziņš',
    receipt: 'lv',
    inText: ['Ļubova', '050688-12340', 'LV80 BANK 0000 4351 9500 1', 'Darba alga', '498,40'],
  },
  'municipal-benefit': {
    name: 'Наталья Иванова',
    receipt: 'ru',
    inText: ['Мария', 'Pabalsts bērna piedzimšanas gadījumā', '02.10.2026.', 'krievu'],
  },
  'social-service': { name: 'Ilze Ozoliņa', receipt: null, inText: ['II grupa', 'Meita dzīvo Rīgā.', '01.12.2026.'] },
  question: {
    name: 'Сергей Петров',
    receipt: 'ru',
    inText: ['полставки', 'Trūcīgas vai maznodrošinātas mājsaimniecības statuss'],
  },
};

describe('each form arrives once, complete, at the right mailbox', () => {
  it.each(FORMS)('%s', async (form) => {
    const body = {
      ...example(form),
      attachments:
        form === 'question'
          ? undefined
          : [
              {
                filename: '../../etc/izziņa ar garumzīmēm.png',
                contentBase64: Buffer.from(SAMPLES.png).toString('base64'),
              },
            ],
    };
    const res = await post(form, body);
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    expect(reference).toMatch(/^DAU-\d{4}-[A-Z0-9]{5}$/);
    const exp = expectations[form]!;
    await until(() => mailsFor(reference).length >= (exp.receipt ? 2 : 1));
    await new Promise((r) => setTimeout(r, 300));
    const mails = mailsFor(reference);
    expect(mails).toHaveLength(exp.receipt ? 2 : 1);
    const staff = mails.find((m) => m.to && JSON.stringify(m.to).includes('socd@socd.lv'))!;
    expect(staff, 'staff e-mail to the pack mailbox').toBeDefined();
    expect(staff.subject).toContain(reference);
    expect(staff.subject).toContain(exp.name);
    for (const s of exp.inText) {
      expect(staff.text, `text body has ${s}`).toContain(s);
      expect(staff.html || '', `html body has ${s}`).toContain(s);
    }
    const body0 = example(form);
    const email = (body0.answers.contact as { email?: string }).email;
    if (email) expect(JSON.stringify(staff.replyTo)).toContain(email);
    const names = staff.attachments.map((a) => a.filename);
    expect(names).toContain(`${reference}.pdf`);
    expect(names).toContain('application.json');
    const pdf = staff.attachments.find((a) => a.filename === `${reference}.pdf`)!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.content.toString('latin1')).toMatch(/DejaVuSans/);
    const json = JSON.parse(staff.attachments.find((a) => a.filename === 'application.json')!.content.toString('utf8'));
    expect(json).toMatchObject({ schema: 'atbalsts.application/1', reference, form: { id: form } });
    expect(json.answers.applicant.givenName).toBe(exp.name.split(' ')[0]);
    if (form !== 'question') {
      const upload = staff.attachments.find((a) => a.contentType === 'image/png')!;
      expect(upload.filename).toBe('izziņa ar garumzīmēm.png');
    }
    const receipt = mails.find((m) => m !== staff);
    if (exp.receipt === 'ru') expect(receipt?.subject).toBe(`Ваша заявка ${reference} получена`);
    if (exp.receipt === 'lv') expect(receipt?.subject).toBe(`Jūsu pieteikums ${reference} ir saņemts`);
    if (receipt) {
      expect(receipt.attachments).toHaveLength(0);
      // No answers in the receipt: nothing sensitive in a possibly shared mailbox.
      expect(receipt.text).not.toContain(
        String((body0.answers.applicant as { personalCode?: string }).personalCode ?? 'n/a'),
      );
      expect(receipt.text).toContain(exp.receipt === 'ru' ? 'рабочих дней' : 'darba dienu');
    }
  });

  it('a duplicate post (same Idempotency-Key) yields the same reference and one e-mail', async () => {
    const key = `dup-${Date.now()}-abcdefgh`;
    const a = await post('question', example('question'), key);
    const b = await post('question', example('question'), key);
    const ra = ((await a.json()) as { reference: string }).reference;
    const rb = ((await b.json()) as { reference: string }).reference;
    expect(rb).toBe(ra);
    await until(() => mailsFor(ra).length >= 2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailsFor(ra)).toHaveLength(2); // staff + receipt, once each
  });
});

export type { ParsedMail };
