import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup as resolve } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import {
  addressRefusal,
  literalAddress,
  urlRefusal,
  type DestinationRules,
} from './destination-policy';
import type { WebhooksConfig } from './webhooks-config';

/** A connection refused because the destination's name resolved to a forbidden address. */
export class DestinationRefused extends Error {
  override readonly name = 'DestinationRefused';
}

/**
 * Where webhooks may go, checked twice: when an endpoint is registered (the URL, and every address
 * its host resolves to then) and on every connection of a delivery, since a name may resolve
 * elsewhere by then (DNS rebinding). The second check is the connection's own lookup: the host is
 * resolved, every address checked, and the socket connects to those checked addresses only.
 */
@Injectable()
export class Destinations {
  readonly rules: DestinationRules;

  constructor(@Inject(SERVICE_CONFIG) config: WebhooksConfig) {
    this.rules = {
      allowHttp: config.WEBHOOK_ALLOW_HTTP,
      allowPrivate: config.WEBHOOK_ALLOW_PRIVATE_DESTINATIONS,
    };
  }

  /** At registration: why the URL may not receive webhooks, or undefined when it may. */
  async refusal(text: string): Promise<string | undefined> {
    const checked = urlRefusal(text, this.rules);
    if ('refusal' in checked) return checked.refusal;
    if (this.rules.allowPrivate) return undefined;
    const literal = literalAddress(checked.url);
    if (literal !== undefined) return literalRefusal(literal, this.rules);
    const { hostname } = checked.url;
    let addresses: LookupAddress[];
    try {
      addresses = await resolve(hostname, { all: true, verbatim: true });
    } catch {
      return `${hostname} does not resolve`;
    }
    return resolvedRefusal(hostname, addresses, this.rules);
  }

  /**
   * Before a delivery: why a URL whose host is an IP address may not receive it. A connection to
   * an address never looks a name up, so `lookup` never sees these.
   */
  literalRefusal(url: URL): string | undefined {
    const literal = literalAddress(url);
    return literal === undefined ? undefined : literalRefusal(literal, this.rules);
  }

  /** The lookup of every delivery connection (net.connect's `lookup` option). */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(
      hostname,
      { family: options.family, hints: options.hints, all: true, verbatim: true },
      (error, addresses) => {
        if (error !== null) {
          callback(error, []);
          return;
        }
        const refusal = resolvedRefusal(hostname, addresses, this.rules);
        if (refusal !== undefined) {
          callback(new DestinationRefused(refusal), []);
          return;
        }
        if (options.all === true) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
    );
  };
}

/** A name is refused when any of its addresses is: the connection may pick any of them. */
function resolvedRefusal(
  hostname: string,
  addresses: LookupAddress[],
  rules: DestinationRules,
): string | undefined {
  if (addresses.length === 0) return `${hostname} does not resolve`;
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, rules);
    if (refusal !== undefined) return `${hostname} resolves to ${address}, ${refusal}`;
  }
  return undefined;
}

function literalRefusal(address: string, rules: DestinationRules): string | undefined {
  const refusal = addressRefusal(address, rules);
  return refusal === undefined ? undefined : `${address} is ${refusal}`;
}
