/**
 * The estimate in plain words: the same component for the island and the no-JS route (rendered
 * on the server there, without hydration). Everything shown comes from the engine's Estimate;
 * texts from the `estimator` and `rules` namespaces of the page's language.
 */
import type { Estimate, ItemResult, Verdict } from '#src/domain/engine/types.ts';
import type { EstimatorPack, PackOffice } from '#src/domain/estimator/pack.ts';
import { formatDate, formatMoney } from '#src/i18n/format.ts';
import { paths } from '#src/i18n/paths.ts';
import type { TinyT } from '#src/i18n/tiny-t.ts';
import { amountText, reasonText, VERDICT_MARK, VERDICT_TAG } from './format.ts';
import type { Reason } from '#src/domain/engine/reasons.ts';

interface ResultsProps {
  estimate: Estimate;
  pack: EstimatorPack;
  t: TinyT;
  headingRef?: { current: HTMLHeadingElement | null };
}

/** Shown in their own sections with the formula filled in. */
const OWN_SECTION = new Set(['gmi', 'housing-benefit', 'crisis']);
const ORDER: Verdict[] = ['likely', 'possible', 'unknown', 'unlikely'];

function Reasons({ reasons, t, locale }: { reasons: Reason[]; t: TinyT; locale: EstimatorPack['locale'] }) {
  if (reasons.length === 0) return null;
  return (
    <ul class="list list--bullet">
      {reasons.map((r, i) => (
        <li key={i}>{reasonText(t, locale, r)}</li>
      ))}
    </ul>
  );
}

function VerdictTag({ verdict, t }: { verdict: Verdict; t: TinyT }) {
  return (
    <span class={`${VERDICT_TAG[verdict]} verdict`} data-verdict={verdict}>
      <span aria-hidden="true">{VERDICT_MARK[verdict]} </span>
      {t(`result.verdict.${verdict}`)}
    </span>
  );
}

function Benefit({
  r,
  pack,
  t,
  name,
  href,
}: {
  r: { verdict: Verdict; amount?: ItemResult['amount']; amountCents?: number | null; reasons: Reason[] };
  pack: EstimatorPack;
  t: TinyT;
  name: string;
  href: string | null;
}) {
  const l = pack.locale;
  const amount = r.amount
    ? amountText(t, l, r.amount)
    : r.amountCents
      ? t('result.amount.exact', { amount: formatMoney(r.amountCents, l), per: t('result.per.month') })
      : null;
  return (
    <>
      <p>
        <VerdictTag verdict={r.verdict} t={t} />
        {amount && r.verdict !== 'unlikely' && (
          <>
            {' '}
            <strong class="result-amount">{amount}</strong>
          </>
        )}
      </p>
      <Reasons reasons={r.reasons} t={t} locale={l} />
      {href && (
        <p class="meta no-print">
          <a href={href}>{t('result.moreAbout', { name })}</a>
        </p>
      )}
    </>
  );
}

function Office({ office, t }: { office: PackOffice; t: TinyT }) {
  const tel = (n: string) => `tel:${n.startsWith('+') ? n.replace(/\s/g, '') : `+371${n.replace(/\s/g, '')}`}`;
  return (
    <div class="contact">
      <p>
        <strong>{office.name}</strong>
        {office.address && (
          <>
            <br />
            {office.address}
          </>
        )}
      </p>
      {office.phones.length > 0 && (
        <ul class="list">
          {office.phones.map((p) => (
            <li key={p.number}>
              {t('result.contacts.phone')}: <a href={tel(p.number)}>{p.number}</a>
              {p.freeLine && ` (${t('result.contacts.freeLine')})`}
              {p.label && ` — ${p.label}`}
            </li>
          ))}
        </ul>
      )}
      {office.email && (
        <p>
          {t('result.contacts.email')}: <a href={`mailto:${office.email}`}>{office.email}</a>
        </p>
      )}
      {office.hours && (
        <p>
          {t('result.contacts.hours')}: {office.hours}
        </p>
      )}
      {office.note && <p>{office.note}</p>}
      {!office.checked && <p class="meta">{t('result.contacts.check')}</p>}
    </div>
  );
}

export function Results({ estimate: e, pack, t, headingRef }: ResultsProps) {
  const l = pack.locale;
  const m = pack.municipality;
  const names = new Map(pack.items.map((i) => [i.id, i]));
  const link = (id: string) => {
    const item = names.get(id);
    return item ? paths.item(l, m.id, item.kind, id) : null;
  };
  const nameOf = (id: string) => names.get(id)?.name ?? id;
  const benefits = e.benefits
    .filter((b) => !OWN_SECTION.has(b.id))
    .sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict));
  const shown = benefits.filter((b) => b.verdict !== 'unlikely');
  const unlikely = benefits.filter((b) => b.verdict === 'unlikely');
  const statusWord = t(`result.status.${e.status}`, { municipality: m.name });

  return (
    <section class="results" aria-labelledby="results-heading">
      <h2 id="results-heading" tabIndex={-1} ref={headingRef}>
        {t('result.title')}
      </h2>
      <div class="notice notice--warning">
        <p>
          <strong>{t('result.estimateNotice.title')}</strong>
        </p>
        <p>{t('result.estimateNotice.text', { date: formatDate(e.date, l) })}</p>
        {e.basis.reason && (
          <p data-basis="beyond-known">
            <strong>{reasonText(t, l, e.basis.reason)}</strong>
          </p>
        )}
      </div>
      {e.provisional && (
        <div class="notice notice--warning" data-provisional="true">
          <p>
            <strong>{t('result.provisional.title')}</strong>
          </p>
          <Reasons reasons={e.notes} t={t} locale={l} />
        </div>
      )}

      <h3>{t('result.status.title')}</h3>
      <div class="panel" data-status={e.status}>
        <p class="lead">
          <strong>{statusWord}</strong>
        </p>
        <Reasons reasons={e.statusReasons} t={t} locale={l} />
      </div>
      <h4>{t('result.thresholds.title')}</h4>
      <Reasons reasons={e.thresholds.reasons} t={t} locale={l} />
      <h4>{t('result.income.title')}</h4>
      <Reasons reasons={e.income.reasons} t={t} locale={l} />
      <h4>{t('result.assets.title')}</h4>
      <Reasons reasons={e.assets.checks.map((c) => c.reason)} t={t} locale={l} />

      <h3>{t('result.national.title')}</h3>
      <div class="result-item" data-item="gmi" data-verdict={e.gmi.verdict}>
        <h4>{nameOf('gmi') === 'gmi' ? t('result.gmi.title') : nameOf('gmi')}</h4>
        <Benefit r={e.gmi} pack={pack} t={t} name={nameOf('gmi')} href={link('gmi')} />
      </div>
      <div class="result-item" data-item="housing-benefit" data-verdict={e.housing.verdict}>
        <h4>
          {nameOf('housing-benefit') === 'housing-benefit' ? t('result.housing.title') : nameOf('housing-benefit')}
        </h4>
        <Benefit r={e.housing} pack={pack} t={t} name={nameOf('housing-benefit')} href={link('housing-benefit')} />
      </div>
      <div class="result-item" data-item="crisis" data-verdict={e.crisis.verdict}>
        <h4>{nameOf('crisis') === 'crisis' ? t('result.crisis.title') : nameOf('crisis')}</h4>
        <Benefit r={e.crisis} pack={pack} t={t} name={nameOf('crisis')} href={link('crisis')} />
      </div>

      <h3>{t('result.benefits.title', { municipality: m.name })}</h3>
      {shown.length === 0 && <p>{t('result.benefits.none')}</p>}
      {shown.map((b) => (
        <div class="result-item" key={b.id} data-item={b.id} data-verdict={b.verdict}>
          <h4>{nameOf(b.id)}</h4>
          <Benefit r={b} pack={pack} t={t} name={nameOf(b.id)} href={link(b.id)} />
        </div>
      ))}
      {unlikely.length > 0 && (
        <details class="result-unlikely">
          <summary>{t('result.benefits.unlikely', { count: unlikely.length })}</summary>
          {unlikely.map((b) => (
            <div class="result-item" key={b.id} data-item={b.id} data-verdict={b.verdict}>
              <h4>{nameOf(b.id)}</h4>
              <Benefit r={b} pack={pack} t={t} name={nameOf(b.id)} href={link(b.id)} />
            </div>
          ))}
        </details>
      )}

      <h3>{t('result.services.title')}</h3>
      {e.services.length === 0 ? (
        <p>{t('result.services.none')}</p>
      ) : (
        <ul class="list">
          {e.services.map((s) => (
            <li key={s.id} data-service={s.id}>
              {link(s.id) ? <a href={link(s.id)!}>{nameOf(s.id)}</a> : nameOf(s.id)}
              <Reasons reasons={s.reasons} t={t} locale={l} />
            </li>
          ))}
        </ul>
      )}

      <h3>{t('result.documents.title')}</h3>
      {e.documents.length === 0 ? (
        <p>{t('result.documents.none')}</p>
      ) : (
        <>
          <p>{t('result.documents.hint')}</p>
          <ul class="list list--bullet">
            {e.documents.map((d, i) => (
              <li key={i}>{d.text[l]}</li>
            ))}
          </ul>
        </>
      )}

      <h3>{t('result.contacts.title')}</h3>
      <Office office={m.socialService} t={t} />
    </section>
  );
}
