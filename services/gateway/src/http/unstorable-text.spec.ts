import { MAX_VIOLATIONS, unstorableText } from './unstorable-text';

const violation = (field: string) => ({
  field,
  message: 'must not contain NUL (U+0000) or an unpaired UTF-16 surrogate',
});

describe('unstorable text', () => {
  it('finds NUL in every string of a JSON body, naming each place', () => {
    const body = {
      email: 'ada\u0000@example.com',
      name: 'Ada',
      memberships: [{ accountIds: ['ok', '\u0000'] }],
      contact: { address: { city: 'Utrecht\u0000' } },
    };
    expect(unstorableText(body, 'body')).toEqual([
      violation('email'),
      violation('memberships.0.accountIds.1'),
      violation('contact.address.city'),
    ]);
  });

  it('finds unpaired surrogates but lets paired ones (emoji, CJK extensions) through', () => {
    expect(unstorableText({ high: '\ud800', low: 'x\udc00y', emoji: '🔌 𠀋' }, 'body')).toEqual([
      violation('high'),
      violation('low'),
    ]);
  });

  it('leaves other text alone: control characters Postgres stores, U+FFFD, newlines', () => {
    const text = 'line one\nline two\ttab \u0001\u001f\u007f \ufffd \ufeff';
    expect(
      unstorableText({ personalMessage: text, count: 3, flag: true, none: null }, 'body'),
    ).toEqual([]);
  });

  it('names a field name that holds one by the object it is in, without echoing it', () => {
    expect(unstorableText({ labels: { 'a\u0000b': 'x' } }, 'body')).toEqual([
      { field: 'labels', message: expect.stringMatching(/^has a field name that must not/) },
    ]);
  });

  it('names a bare value by its source, and query parameters (also repeated) by their name', () => {
    expect(unstorableText('\u0000', 'body')).toEqual([violation('(body)')]);
    expect(unstorableText({ q: '\u0000', status: ['active', 'x\u0000'] }, 'query')).toEqual([
      violation('q'),
      violation('status.1'),
    ]);
    expect(unstorableText({ id: '\u0000' }, 'path')).toEqual([violation('id')]);
  });

  it('reads the fields of a posted form', () => {
    const form = new URLSearchParams({ name: 'Ada\u0000', password: 'secret' });
    expect(unstorableText(form, 'body')).toEqual([violation('name')]);
  });

  it('walks nesting as deep as a 1 MiB body allows without overflowing the stack', () => {
    const depth = 500_000;
    const body: unknown = JSON.parse(`${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}`);
    const [found] = unstorableText(body, 'body');
    expect(found?.field).toBe(Array.from({ length: depth }, () => '0').join('.'));
  });

  it('stops at the first violations of a body made of them', () => {
    const body = Array.from({ length: 100_000 }, () => '\u0000');
    const found = unstorableText(body, 'body');
    expect(found.map((each) => each.field)).toEqual(
      Array.from({ length: MAX_VIOLATIONS }, (_, index) => String(index)),
    );
  });
});
