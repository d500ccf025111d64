import { addressRefusal, literalAddress, urlRefusal } from './destination-policy';

const strict = { allowHttp: false, allowPrivate: false };
const permissive = { allowHttp: true, allowPrivate: true };

describe('addressRefusal', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['fd00:ec2::254', 'unique local'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.0.192', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['2002:7f00:1::', '6to4'],
    ['64:ff9b::a00:1', 'rfc6052'],
  ])('refuses %s (%s)', (address, words) => {
    expect(addressRefusal(address, strict)).toContain(words);
  });

  it.each(['93.184.215.14', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'accepts the public address %s',
    (address) => {
      expect(addressRefusal(address, strict)).toBeUndefined();
    },
  );

  it('accepts any address when private destinations are allowed', () => {
    expect(addressRefusal('127.0.0.1', permissive)).toBeUndefined();
    expect(addressRefusal('169.254.169.254', permissive)).toBeUndefined();
  });
});

describe('urlRefusal', () => {
  const refusal = (text: string, rules = strict) => {
    const result = urlRefusal(text, rules);
    return 'refusal' in result ? result.refusal : undefined;
  };

  it('accepts an https URL, and an http one only where allowed', () => {
    expect(refusal('https://hooks.partner.example/onramp?x=1')).toBeUndefined();
    expect(refusal('http://hooks.partner.example/onramp')).toBe('must be an https:// URL');
    expect(refusal('http://hooks.partner.example/onramp', permissive)).toBeUndefined();
  });

  it('refuses other schemes, credentials, relative and overlong URLs', () => {
    expect(refusal('ftp://hooks.partner.example/', permissive)).toMatch(/http/);
    expect(refusal('https://user:secret@hooks.partner.example/')).toBe(
      'must not carry credentials',
    );
    expect(refusal('/relative/path')).toBe('must be an absolute URL');
    expect(refusal(`https://hooks.partner.example/${'a'.repeat(2048)}`)).toMatch(/at most/);
  });
});

it('reads IPv4 and bracketed IPv6 hosts as addresses, and names as names', () => {
  expect(literalAddress(new URL('https://10.0.0.1/x'))).toBe('10.0.0.1');
  expect(literalAddress(new URL('https://[::1]/x'))).toBe('::1');
  expect(literalAddress(new URL('https://localhost/x'))).toBeUndefined();
});
