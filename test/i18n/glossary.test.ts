/**
 * The glossary (docs/glossary.md) applied to every Latvian and Russian text: locale files,
 * content files and the data packs. Each failure names the file and the key path, and says what
 * to write instead.
 */
import { describe, expect, it } from 'vitest';
import { allTexts, localeTexts, type Text, type TextLocale } from '../support/texts.ts';
import { forbiddenIn, glossary, onlineFormIn, pairsIn, unexpandedIn } from '../support/glossary.ts';

const texts = allTexts();

describe('glossary', () => {
  it('the glossary block parses and has every part', () => {
    expect(glossary.forbidden.length).toBeGreaterThan(5);
    for (const key of ['onlineForm', 'abbreviations', 'pairs', 'required'] as const)
      expect(glossary[key].length, key).toBeGreaterThan(0);
    for (const a of ['VSAA', 'NVA', 'VDEĀVK'])
      expect(
        glossary.abbreviations.some((x) => x.abbr === a && x.lv && x.ru),
        a,
      ).toBe(true);
  });

  it('the checks catch the wrong variants', () => {
    const t = (locale: TextLocale, text: string, extra: Partial<Text> = {}): Text => ({
      file: 'x.json',
      path: 'k',
      locale,
      text,
      kind: 'locale',
      history: false,
      ...extra,
    });
    expect(forbiddenIn([t('ru', 'Пособие GMI выплачивают.')])).toHaveLength(1);
    expect(forbiddenIn([t('ru', 'Ещё раз.')])).toHaveLength(1);
    expect(forbiddenIn([t('ru', 'Документы оценивает Социальная служба.')])).toHaveLength(1);
    expect(forbiddenIn([t('ru', 'Социальная служба оценивает документы.')])).toHaveLength(0);
    expect(forbiddenIn([t('lv', 'Pabalsts invalīdiem.')])).toHaveLength(1);
    expect(forbiddenIn([t('ru', 'Для людей на инвалидной коляске.')])).toHaveLength(0);
    expect(forbiddenIn([t('ru', 'Пособие опекуну совершеннолетнего лица.')])).toHaveLength(1);
    expect(forbiddenIn([t('lv', 'Nospiediet "Sūtīt".')])).toHaveLength(1);
    expect(forbiddenIn([t('ru', 'Подать заявление онлайн')])).toHaveLength(1);
    expect(onlineFormIn([t('ru', 'Вы можете отправить заявление здесь.')])).toHaveLength(1);
    expect(onlineFormIn([t('ru', 'Онлайн-заявка — это еще не подписанное заявление.')])).toHaveLength(0);
    expect(onlineFormIn([t('lv', 'Iesniegumu var iesniegt arī šeit tiešsaistē.')])).toHaveLength(1);
    expect(unexpandedIn([t('lv', 'Reģistrējieties NVA.')])).toHaveLength(1);
    expect(
      unexpandedIn([t('lv', 'Reģistrējieties Nodarbinātības valsts aģentūrā (NVA).'), t('lv', 'NVA palīdz.')]),
    ).toHaveLength(0);
    expect(unexpandedIn([t('ru', 'Пособие ГМД.')])).toHaveLength(1);
    const lv = t('lv', 'Pilngadīgas personas aizgādnis', { path: 'a' });
    expect(pairsIn([lv, t('ru', 'Опекун совершеннолетнего', { file: 'x.json', path: 'a' })])).toHaveLength(1);
    expect(pairsIn([lv, t('ru', 'Попечитель совершеннолетнего', { file: 'x.json', path: 'a' })])).toHaveLength(0);
  });

  it('no text uses a forbidden variant', () => {
    expect(forbiddenIn(texts)).toEqual([]);
  });

  it('the online form is a pre-application everywhere', () => {
    expect(onlineFormIn(texts)).toEqual([]);
  });

  it('VSAA, NVA, VDEĀVK and ГМД are expanded at first use in each file or item', () => {
    expect(unexpandedIn(texts)).toEqual([]);
  });

  it('adult guardianship is aizgādnība / попечительство in both languages', () => {
    expect(pairsIn(texts)).toEqual([]);
  });

  it('required phrases are present', () => {
    const locale = localeTexts();
    for (const r of glossary.required) {
      const t = locale.find((x) => x.file === r.file && x.path === r.key);
      expect(t?.text, `${r.file} ${r.key}`).toContain(r.contains);
    }
  });

  it('every Russian text with a Latvian counterpart is checked too', () => {
    expect(texts.filter((t) => t.locale === 'ru').length).toBeGreaterThan(1000);
  });
});
