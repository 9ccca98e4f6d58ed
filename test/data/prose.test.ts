import { describe, expect, it } from 'vitest';
import { allTexts, dataTexts, where } from '../support/texts.ts';
import {
  INTERNAL_PHRASES,
  OTHER_CITY_ON_NATIONAL_PAGE,
  internalPhrasesAt,
  internalPhrasesIn,
} from '../support/internal-phrases.ts';

describe('internal notes never reach residents', () => {
  it('the phrase list catches the known internal notes', () => {
    const samples = [
      'Pabalsta apmērs mūsu avotos nav saglabāts.',
      'Размер пособия в наших источниках не сохранен.',
      'Apstiprināts avotā.',
      'Подтверждено источником.',
      '2010. gadā klients maksāja 2 Ls (latos) mēnesī.',
      'В 2010 году клиент платил 2 Ls (в латах) в месяц.',
      '2018. gadā to saņēma 139 personas.',
      'В 2017 году услугу получили 127 человек.',
      'Nav avota, ka centrs ir izveidots.',
      'Pabalsta apmērs mums nav zināms.',
      'Vai tā joprojām tiek maksāta, nav pārbaudīts.',
      'Nav apstiprināts, ka tas ir stājies spēkā.',
      'Summa jaunākos avotos nav apstiprināta.',
      'Выплачивается ли он сейчас, не проверено.',
      'Вступление в силу не подтверждено.',
      'Не подтверждено источниками: предел сбережений.',
    ];
    for (const s of samples) expect(internalPhrasesIn(s), s).not.toEqual([]);
    for (const ok of [
      'Invaliditātes pensijas saņēmējs',
      '1. līmenis: 2 reizes nedēļā, līdz 16 stundām mēnesī.',
      'Платит 2 раза в месяц.',
      'Nodarbības divas reizes nedēļā.',
    ])
      expect(internalPhrasesIn(ok), ok).toEqual([]);
    for (const ok of [
      'Vai tas ir spēkā tagad, jautājiet sociālajā dienestā.',
      'Действует ли это сейчас, уточните в социальной службе.',
      'Pieteikums nav parakstīts.',
      'Доходы не оцениваются.',
    ])
      expect(internalPhrasesIn(ok), ok).toEqual([]);
  });

  it('"not verified" is allowed only in the staff e-mail intro and the accessibility statement', () => {
    const staff = 'Iesniedzēja identitāte nav pārbaudīta.';
    expect(internalPhrasesAt('locales/lv/mail.json', 'staff.intro', staff)).toEqual([]);
    expect(
      internalPhrasesAt(
        'locales/ru/pages.json',
        'accessibility.issue1',
        'Портал еще не проверен с программами экранного доступа.',
      ),
    ).toEqual([]);
    // The same words anywhere else, or another internal phrase at those keys, are still caught.
    expect(internalPhrasesAt('locales/lv/mail.json', 'staff.title', staff)).not.toEqual([]);
    expect(internalPhrasesAt('locales/lv/rules.json', 'staff.intro', staff)).not.toEqual([]);
    expect(internalPhrasesAt('locales/lv/mail.json', 'staff.intro', 'Summa mūsu avotos nav saglabāta.')).not.toEqual(
      [],
    );
  });

  it('no resident-facing text in locales, content or data packs contains an internal phrase', () => {
    const found = allTexts()
      .filter((t) => !t.history)
      .flatMap((t) =>
        internalPhrasesAt(t.file, t.path, t.text).map((label) => `${where(t)}: ${label}: ${t.text.slice(0, 120)}`),
      );
    expect(found).toEqual([]);
  });

  it('national items do not state rules of a particular city', () => {
    const found = dataTexts()
      .filter((t) => t.file.endsWith('national/catalogue.yaml') && !t.history)
      .filter((t) => OTHER_CITY_ON_NATIONAL_PAGE.pattern.test(t.text))
      .map((t) => `${where(t)}: ${t.text.slice(0, 120)}`);
    expect(found).toEqual([]);
  });

  it('the phrases are kept as history, where a pack has them', () => {
    const history = dataTexts().filter((t) => t.history);
    expect(history.length).toBeGreaterThan(0);
    expect(history.some((t) => internalPhrasesIn(t.text, INTERNAL_PHRASES).length > 0)).toBe(true);
  });
});
