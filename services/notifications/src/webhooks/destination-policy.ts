import ipaddr from 'ipaddr.js';
import { MAX_WEBHOOK_URL_LENGTH } from '@onramp/notification-rules';

/** What an installation allows as a webhook destination (WEBHOOK_ALLOW_* settings). */
export interface DestinationRules {
  allowHttp: boolean;
  allowPrivate: boolean;
}

// ipaddr.js's names for the special-purpose ranges, as an operator reads them in a refusal.
const rangeWords: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  uniqueLocal: 'a private (unique local) address',
  linkLocal: 'a link-local address (where cloud metadata services answer)',
  carrierGradeNat: 'a shared (carrier-grade NAT) address',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
};

/**
 * What makes `address` unfit to receive webhooks (e.g. "a private address"), or undefined when
 * it may. Only public unicast addresses
 * may: everything ipaddr.js knows as special-purpose is refused — loopback, private (RFC 1918,
 * ULA), link-local (169.254.169.254 and other metadata services), CGNAT, unspecified, multicast,
 * reserved, and the IPv6 ranges that embed or translate IPv4 (6to4, Teredo, NAT64), which could
 * lead back to any of them. An IPv4-mapped IPv6 address is judged as the IPv4 address it maps.
 */
export function addressRefusal(address: string, rules: DestinationRules): string | undefined {
  if (rules.allowPrivate) return undefined;
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const range = ipaddr.process(address).range();
  if (range === 'unicast') return undefined;
  return rangeWords[range] ?? `a special-purpose address (${range})`;
}

/** The URL itself (scheme, credentials, length), before any name is resolved. */
export function urlRefusal(
  text: string,
  rules: DestinationRules,
): { refusal: string } | { url: URL } {
  if (text.length > MAX_WEBHOOK_URL_LENGTH)
    return { refusal: `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters` };
  if (!URL.canParse(text)) return { refusal: 'must be an absolute URL' };
  const url = new URL(text);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && rules.allowHttp))
    return {
      refusal: rules.allowHttp ? 'must be an http:// or https:// URL' : 'must be an https:// URL',
    };
  // Credentials in a URL end up in logs and proxies; the signature authenticates deliveries.
  if (url.username !== '' || url.password !== '') return { refusal: 'must not carry credentials' };
  if (url.hostname === '') return { refusal: 'must name a host' };
  return { url };
}

/** The URL's host as an IP address when it is one (URL keeps IPv6 in brackets), else undefined. */
export function literalAddress(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return ipaddr.isValid(host) ? host : undefined;
}
