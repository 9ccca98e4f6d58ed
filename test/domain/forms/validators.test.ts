import { describe, expect, it } from 'vitest';
import {
  checkDate,
  checkEmail,
  checkIban,
  checkMoney,
  checkName,
  checkPersonalCode,
  checkPhone,
  personalCodeCheckDigit,
} from '#src/domain/forms/validators.ts';

const err = (c: { ok: boolean; key?: string }) => (c.ok ? 'ok' : c.key);

describe('personal code (personas kods)', () => {
  it.each([
    // [typed, expected result or error key, why]
    ['010190-12349', 'ok', 'old format, born 1.1.1990, check digit 9'],
    ['01019012349', 'ok', 'old format without the dash'],
    [' 010190 - 12349 '.replace(' - ', '-'), 'ok', 'spaces around are ignored'],
    ['311299-10008', 'ok', '31.12.1999'],
    ['050723-20007', 'ok', 'century digit 2: born 5.7.2023 (old format still issued to no one, but valid)'],
    ['290204-10007', 'ok', '29.2.1904 (leap year)'],
    ['290200-12340', 'error.personalCode.date', '29.2.1900 does not exist (1900 is no leap year)'],
    ['320000-00000', 'ok', 'new format 32…, checked by structure'],
    ['32123412345', 'ok', 'new format without the dash'],
    ['010190-12348', 'error.personalCode.checksum', 'one digit off in the check digit'],
    ['010190-12359', 'error.personalCode.checksum', 'transposed digits'],
    ['010190-32349', 'error.personalCode.century', 'century digit 3 is not used'],
    ['320000-0000', 'error.personalCode.format', 'too short'],
    ['320000-000000', 'error.personalCode.format', 'too long'],
    ['32OOOO-OOOOO', 'error.personalCode.format', 'letters O instead of zeros'],
    ['0101-9012349', 'error.personalCode.format', 'dash in the wrong place'],
    ['320000–00000', 'error.personalCode.format', 'en dash is not a dash'],
    ['', 'error.personalCode.format', 'empty'],
    ['<script>', 'error.personalCode.format', 'markup'],
  ])('%s → %s (%s)', (typed, expected) => {
    const r = checkPersonalCode(typed);
    if (expected === 'ok') expect(r).toEqual({ ok: true, value: expect.stringMatching(/^\d{6}-\d{5}$/) });
    else expect(err(r)).toBe(expected);
  });

  it('computes the check digit with weights 1,6,3,7,9,10,5,8,4,2', () => {
    expect(personalCodeCheckDigit('0101901234')).toBe(9);
    expect(personalCodeCheckDigit('3112991000')).toBe(8);
    expect(personalCodeCheckDigit('1507852001')).toBe(7);
  });

  it('normalizes to NNNNNN-NNNNN', () => {
    expect(checkPersonalCode('01019012349')).toEqual({ ok: true, value: '010190-12349' });
  });
});

describe('IBAN', () => {
  it.each([
    ['LV80BANK0000435195001', 'ok'],
    ['LV80 BANK 0000 4351 9500 1', 'ok'],
    ['lv87haba0551012345678', 'ok'],
    ['LV31UNLA0050014401010', 'ok'],
    ['DE89370400440532013000', 'ok'],
    ['LT121000011101001000', 'ok'],
    ['LV81BANK0000435195001', 'error.iban.checksum'],
    ['LV80BANK000043519500', 'error.iban.lengthLv'],
    ['LV80BANK00004351950012', 'error.iban.lengthLv'],
    ['LV801234000435195001X', 'error.iban.format'],
    ['DE8937040044053201300', 'error.iban.length'],
    ['80BANK0000435195001', 'error.iban.format'],
    ['', 'error.iban.format'],
  ])('%s → %s', (typed, expected) => {
    expect(err(checkIban(typed))).toBe(expected);
  });
  it('formats in groups of four', () => {
    expect(checkIban('lv80bank0000435195001')).toEqual({ ok: true, value: 'LV80 BANK 0000 4351 9500 1' });
  });
});

describe('phone', () => {
  it.each([
    ['26123456', '+371 26123456'],
    ['+371 26123456', '+371 26123456'],
    ['00371 654 23700', '+371 65423700'],
    ['(+371) 2612-3456', '+371 26123456'],
    ['+49 30 1234567', '+49301234567'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('%s → %s', (typed, value) => {
    expect(checkPhone(typed)).toEqual({ ok: true, value });
  });
  it.each([
    '2612345',
    '261234567',
    '16123456',
    '+371 2612345',
    '+3712612345678',
    'phone',
    '',
    '+0 1234567',
    '26123456\r\nBcc: x@y.lv',
  ])('%s is refused', (typed) => {
    expect(err(checkPhone(typed))).toBe('error.phone.format');
  });
});

describe('e-mail', () => {
  it.each(['anna@example.lv', 'jānis.bērziņš@pasts.lv', 'ivan+apply@почта.рф', 'a.b-c@sub.domain.lv'])(
    '%s passes',
    (v) => {
      expect(checkEmail(v).ok).toBe(true);
    },
  );
  it.each([
    'anna',
    'anna@',
    '@example.lv',
    'anna@example',
    'a b@example.lv',
    'anna@example.lv\r\nBcc: x@y.lv',
    'Anna <anna@example.lv>',
    'anna@example.lv,other@x.lv',
    `${'a'.repeat(65)}@x.lv`,
  ])('%s is refused', (v) => {
    expect(err(checkEmail(v))).toBe('error.email.format');
  });
});

describe('names, money, dates', () => {
  it.each(['Jānis', 'Bērziņa-Ozoliņa', 'Ļubova', 'Наталья Иванова', "O'Brien", 'Ēriks Šļakota', 'Ģirts Ķēniņš'])(
    'name %s passes',
    (v) => {
      expect(checkName(v)).toEqual({ ok: true, value: v });
    },
  );
  it.each([
    ['<script>alert(1)</script>', 'error.name.characters'],
    ['Anna\r\nBcc: x@y.lv', 'error.text.control'],
    ['Anna"><img src=x>', 'error.name.characters'],
    ['123', 'error.name.characters'],
    ['x'.repeat(101), 'error.text.tooLong'],
  ])('name %s → %s', (v, e) => {
    expect(err(checkName(v))).toBe(e);
  });
  it.each([
    ['300', '300.00'],
    ['1 234,56', '1234.56'],
    ['12.5', '12.50'],
    ['0', '0.00'],
    ['45 €', '45.00'],
  ])('money %s → %s', (v, out) => {
    expect(checkMoney(v)).toEqual({ ok: true, value: out });
  });
  it.each(['-5', '1,234,56', 'abc', '12.345', '123456789'])('money %s is refused', (v) => {
    expect(err(checkMoney(v))).toBe('error.money.format');
  });
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['1.3.2026', '2026-03-01'],
    ['01.03.2026.', '2026-03-01'],
  ])('date %s → %s', (v, out) => {
    expect(checkDate(v)).toEqual({ ok: true, value: out });
  });
  it.each([
    ['2026-02-30', 'error.date.invalid'],
    ['31.04.2026', 'error.date.invalid'],
    ['2026/03/01', 'error.date.format'],
    ['1800-01-01', 'error.date.invalid'],
  ])('date %s → %s', (v, e) => {
    expect(err(checkDate(v))).toBe(e);
  });
});
