import { describe, expect, it } from 'vitest';
import {
  descriptionProblem,
  eventTypesProblem,
  webhookBody,
  webhookUrlProblem,
} from './webhook-rules';

describe('the webhook form rules', () => {
  it.each([
    'https://hooks.fleet.example/onramp',
    ' https://x.example ',
    'http://intranet.example:8080/in',
  ])('take %j as an address', (url) => {
    expect(webhookUrlProblem(url)).toBeUndefined();
  });

  it.each(['', 'hooks.fleet.example', 'ftp://hooks.fleet.example', 'https://'])(
    'refuse %j as an address',
    (url) => {
      expect(webhookUrlProblem(url)).toBe('urlInvalid');
    },
  );

  it('takes an address of up to 2048 characters', () => {
    const longest = `https://x.example/${'a'.repeat(2048 - 18)}`;
    expect(webhookUrlProblem(longest)).toBeUndefined();
    expect(webhookUrlProblem(`${longest}a`)).toBe('urlInvalid');
  });

  it('needs 1 to 50 event types', () => {
    expect(eventTypesProblem([])).toBe('eventTypesRequired');
    expect(eventTypesProblem(['user.created'])).toBeUndefined();
    expect(eventTypesProblem(Array.from({ length: 51 }, (_, index) => `a.b${index}`))).toBe(
      'eventTypesRequired',
    );
  });

  it('bounds the description, and leaves an empty one out', () => {
    expect(descriptionProblem('x'.repeat(500))).toBeUndefined();
    expect(descriptionProblem('x'.repeat(501))).toBe('descriptionTooLong');
    expect(
      webhookBody({
        url: ' https://x.example/in ',
        description: '  ',
        eventTypes: ['user.created'],
      }),
    ).toEqual({
      url: 'https://x.example/in',
      eventTypes: ['user.created'],
      description: undefined,
    });
    expect(
      webhookBody({ url: 'https://x.example', description: ' ERP ', eventTypes: ['a.b'] }),
    ).toEqual({ url: 'https://x.example', eventTypes: ['a.b'], description: 'ERP' });
  });
});
