/**
 * Which client a request comes from, for the rate limit.
 *
 * - Behind reverse proxies listed in TRUSTED_PROXIES (IPs or CIDRs), the client is the first
 *   `X-Forwarded-For` hop counted from the right that is not one of those proxies. Entries to
 *   the left of it were written by the client itself and can be anything, so they never count.
 *   A request whose direct peer is not a trusted proxy is taken at its socket address.
 * - TRUST_PROXY=true without a list trusts exactly the direct peer (one proxy): the last entry.
 * - IPv6 clients are grouped by their /64 network: one household or phone gets a whole /64 and
 *   could otherwise rotate addresses to get a fresh bucket for every post.
 */
import { BlockList, isIP, isIPv4 } from 'node:net';

/** Parses "10.0.0.1, 192.168.0.0/16 fd00::/8"; throws TypeError on anything else. */
export function parseProxyList(spec: string): BlockList {
  const list = new BlockList();
  for (const entry of spec.split(/[\s,]+/).filter(Boolean)) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    if (!family || extra !== undefined) throw new TypeError(`not an IP address or CIDR: ${entry}`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) {
      list.addAddress(address!, type);
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d{1,3}$/.test(bits) || prefix > (family === 4 ? 32 : 128))
      throw new TypeError(`bad prefix length: ${entry}`);
    list.addSubnet(address!, prefix, type);
  }
  return list;
}

/** An address without zone id, IPv4-mapped IPv6 as plain IPv4; undefined when not an IP. */
function plainIp(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let value = raw.trim();
  // "[2001:db8::1]:1234" or "1.2.3.4:5678" (some proxies add the port)
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value : undefined;
}

function isTrusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIPv4(ip) ? 'ipv4' : 'ipv6');
}

interface ProxyTrust {
  /** TRUSTED_PROXIES, parsed. */
  list?: BlockList | undefined;
  /** TRUST_PROXY: trust the direct peer as the only proxy (used when `list` is absent). */
  peer?: boolean;
}

/** True when the direct peer is one of our proxies (its X-Forwarded-* headers count). */
export function isTrustedPeer(remote: string | undefined, trust: ProxyTrust): boolean {
  if (!trust.list) return trust.peer === true;
  const peer = plainIp(remote);
  return peer !== undefined && isTrusted(trust.list, peer);
}

/** The client's address (see the module comment); undefined when unknown. */
export function clientAddress(
  remote: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: ProxyTrust,
): string | undefined {
  const peer = plainIp(remote) ?? remote;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (trust.list) {
    if (!peer || !isTrusted(trust.list, peer)) return peer;
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = plainIp(hops[i]);
      // Not an address: whoever wrote it was not our proxy, so it cannot be trusted as a client
      // identity either — fall back to the last trusted hop's view.
      if (!hop) return plainIp(hops[i + 1]) ?? peer;
      if (!isTrusted(trust.list, hop)) return hop;
    }
    return plainIp(hops[0]) ?? peer; // every hop is a proxy of ours
  }
  if (trust.peer && hops.length > 0) return plainIp(hops[hops.length - 1]) ?? peer;
  return peer;
}

/** Expands an IPv6 address to its 8 groups. */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => parseInt(g, 16));
}

/** The rate-limit key for an address: IPv4 as is, IPv6 as its /64 network. */
export function rateLimitKey(address: string | undefined): string | undefined {
  const ip = plainIp(address);
  if (!ip) return address;
  if (isIPv4(ip)) return ip;
  const groups = ipv6Groups(ip);
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
