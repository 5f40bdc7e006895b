import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isInternalAddress } from '../src/security/addresses.ts';

describe('internal addresses, which tenants’ webhooks must not reach', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '192.0.0.9',
    '192.0.2.10',
    '198.51.100.7',
    '203.0.113.200',
    '198.19.255.255',
    '192.88.99.1',
    '192.31.196.1',
    '192.52.193.1',
    '192.175.48.1',
    '::1',
    '::',
    '::7f00:1',
    'fe80::1',
    'fe80::1%eth0',
    'fd00::1',
    'fec0::1',
    'ff02::1',
    '2001:db8::1',
    '2001:db8:ffff::1',
    '3fff::1',
    '2001::1',
    '2001:2::1',
    '2002:7f00:1::1',
    '64:ff9b::a00:1',
    '64:ff9b:1::1',
    '100::1',
    '5f00::1',
    '2620:4f:8000::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:7f00:1',
    '::ffff:c000:20a',
    'not-an-ip',
  ])('refuses %s', (address) => expect(isInternalAddress(address)).toBe(true));

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '192.0.3.1', '203.0.114.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => expect(isInternalAddress(address)).toBe(false),
  );

  it('refuses every address of this machine’s own interfaces', () => {
    const own = Object.values(networkInterfaces()).flatMap((infos) => (infos ?? []).map((i) => i.address));
    expect(own.length).toBeGreaterThan(0);
    for (const address of own) expect(isInternalAddress(address), address).toBe(true);
  });
});
