/**
 * Picks the best encoding we have a file for, per RFC 9110, section 12.5.3: q-values, `*`, and
 * `identity;q=0`. We prefer br over gzip when the client weighs them equally (smaller files).
 */
export type Encoding = 'br' | 'gzip' | 'identity';

function parseAcceptEncoding(header: string | undefined): Map<string, number> {
  const weights = new Map<string, number>();
  if (!header) return weights;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key === 'q' && value !== undefined) {
        const parsed = Number(value);
        q = Number.isFinite(parsed) ? Math.min(1, Math.max(0, parsed)) : 0;
      }
    }
    weights.set(name.trim(), q);
  }
  return weights;
}

export function chooseEncoding(header: string | undefined, available: readonly Encoding[]): Encoding | undefined {
  const weights = parseAcceptEncoding(header);
  const star = weights.get('*');
  const weightOf = (enc: Encoding): number => {
    const direct = weights.get(enc === 'gzip' && !weights.has('gzip') && weights.has('x-gzip') ? 'x-gzip' : enc);
    if (direct !== undefined) return direct;
    if (enc === 'identity') return star === 0 ? 0 : 0.001; // identity is acceptable unless refused
    return star ?? 0;
  };
  let best: Encoding | undefined;
  let bestQ = 0;
  for (const enc of ['br', 'gzip', 'identity'] as const) {
    if (!available.includes(enc)) continue;
    const q = weightOf(enc);
    if (q > bestQ) {
      best = enc;
      bestQ = q;
    }
  }
  return best;
}
