import { describe, expect, it } from 'vitest';
import { requestCookie } from '#src/server/http/cookies.ts';

const withCookie = (cookie?: string) =>
  new Request('http://127.0.0.1/', cookie === undefined ? {} : { headers: { cookie } });

describe('requestCookie', () => {
  it('finds a cookie among several, with or without blanks around the separators', () => {
    const request = withCookie('a=1; atbalsts_pdf=tok-EN_1 ;b=2');
    expect(requestCookie(request, 'atbalsts_pdf')).toBe('tok-EN_1');
    expect(requestCookie(request, 'a')).toBe('1');
    expect(requestCookie(request, 'b')).toBe('2');
  });

  it('is undefined without a Cookie header or without that cookie', () => {
    expect(requestCookie(withCookie(), 'a')).toBeUndefined();
    expect(requestCookie(withCookie('ab=1; xa=2'), 'a')).toBeUndefined();
    expect(requestCookie(withCookie('=1; a'), 'a')).toBeUndefined();
  });

  it('keeps the value as sent: "=" inside it, empty values, no URL-decoding', () => {
    expect(requestCookie(withCookie('t=YWJj=='), 't')).toBe('YWJj==');
    expect(requestCookie(withCookie('t='), 't')).toBe('');
    expect(requestCookie(withCookie('t=a%20b'), 't')).toBe('a%20b');
  });

  it('takes the first of a repeated name', () => {
    expect(requestCookie(withCookie('t=first; t=second'), 't')).toBe('first');
  });
});
