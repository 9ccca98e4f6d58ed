/** Reading the request's `Cookie` header (RFC 6265, section 5.4: `name=value` pairs joined by `;`). */
import type { PostedBody } from '../guards/body-limit.ts';

/**
 * The value of the cookie `name` in the request, as sent (not URL-decoded; surrounding blanks
 * removed), or undefined when the request has no such cookie. The first one wins when a name
 * repeats, as browsers send the most specific path first.
 */
export function requestCookie(request: Pick<PostedBody, 'headers'>, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
