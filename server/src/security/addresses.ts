import { BlockList, isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/**
 * Every range of the IANA IPv4 and IPv6 Special-Purpose Address Registries, plus multicast.
 * Ranges that are "globally reachable" there (anycast relays, AS112, TURN) are kept too: none
 * of them is a place a tenant's webhook has a reason to go, and one complete list is easier to
 * trust than a hand-picked one.
 */
const IPV4_SPECIAL = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, where cloud metadata services live
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation (TEST-NET-1)
  ['192.31.196.0', 24], // AS112
  ['192.52.193.0', 24], // AMT
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['192.175.48.0', 24], // AS112 direct delegation
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation (TEST-NET-2)
  ['203.0.113.0', 24], // documentation (TEST-NET-3)
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const;

const IPV6_SPECIAL = [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['64:ff9b::', 96], // IPv4/IPv6 translation: a NAT64 gateway would reach the embedded IPv4 address
  ['64:ff9b:1::', 48], // local-use translation
  ['100::', 64], // discard-only
  ['100:0:0:1::', 64], // dummy prefix
  ['2001::', 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID, AMT, AS112, drones)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['2620:4f:8000::', 48], // AS112 direct delegation
  ['3fff::', 20], // documentation
  ['5f00::', 16], // segment routing
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local, deprecated but still routed by some stacks
  ['ff00::', 8], // multicast
] as const;

const special = new BlockList();
for (const [net, prefix] of IPV4_SPECIAL) special.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of IPV6_SPECIAL) special.addSubnet(net, prefix, 'ipv6');

/**
 * The addresses of this machine's own interfaces. A public address of the server reaches its
 * own services (Redis, the metrics port) just as loopback does. Read on every check, since
 * interfaces come and go, and webhooks are rare enough for that to cost nothing.
 */
function ownAddresses(): BlockList {
  const own = new BlockList();
  for (const infos of Object.values(networkInterfaces())) {
    for (const info of infos ?? []) {
      own.addAddress(withoutZone(info.address), info.family === 'IPv4' ? 'ipv4' : 'ipv6');
    }
  }
  return own;
}

/** `fe80::1%eth0` names the interface after `%`; the address is what comes before. */
const withoutZone = (address: string): string => address.replace(/%.*$/, '');

/**
 * True for an address a request from this server must not reach on a tenant's say-so: any
 * special-purpose address, or one of this machine's own. An IPv4 address written as IPv6
 * (`::ffff:10.0.0.1`, `::ffff:a00:1`) is judged as the IPv4 address it is.
 */
export function isInternalAddress(address: string): boolean {
  const bare = withoutZone(address);
  const family = isIP(bare);
  if (family === 0) return true;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return special.check(bare, type) || ownAddresses().check(bare, type);
}
