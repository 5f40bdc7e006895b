import { BlockList, isIP } from 'node:net';

/** Is the hop at this address, `hop` steps from us (0: the peer of the connection), a proxy we trust? */
export type ProxyTrust = (address: string, hop: number) => boolean;

/** `::ffff:10.0.0.1` is the IPv4 address it wraps, for matching against IPv4 ranges. */
function plain(address: string): string {
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
}

/**
 * The TRUST_PROXY setting as one rule, given to Fastify for REST and used for the socket
 * handshake, so both see the same client address. A hop count trusts that many nearest hops;
 * a list trusts the hops whose address is on it, however many there are.
 */
export function proxyTrust(setting: number | string[]): ProxyTrust {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  const list = new BlockList();
  for (const entry of setting) {
    const [net = '', prefix] = entry.split('/');
    const type = isIP(net) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(net, type);
    else list.addSubnet(net, Number(prefix), type);
  }
  return (address) => {
    const a = plain(address);
    const family = isIP(a);
    return family !== 0 && list.check(a, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * The client's address: walking back from the connection's peer through X-Forwarded-For
 * (right-most first), the first hop that is not a trusted proxy. Entries further left were
 * written by whoever sent the request and prove nothing.
 */
export function clientAddress(peer: string, forwarded: string | string[] | undefined, trust: ProxyTrust): string {
  const header = Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '');
  const hops = [
    peer,
    ...header
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .reverse(),
  ];
  for (const [i, address] of hops.entries()) {
    if (!trust(address, i)) return address;
  }
  return hops.at(-1) ?? peer;
}
