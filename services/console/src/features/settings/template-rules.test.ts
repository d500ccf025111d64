import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_PART_BYTES, templateProblems } from './template-rules';

describe('the template form rules', () => {
  it('need every part', () => {
    expect(templateProblems({ subject: ' ', html: '', text: 'Hello {{name}}' })).toEqual({
      subject: 'partRequired',
      html: 'partRequired',
    });
  });

  it('count the bound in bytes of UTF-8, as the API does', () => {
    const fits = 'a'.repeat(MAX_TEMPLATE_PART_BYTES);
    // "é" is two bytes: half as many characters already reach the bound.
    const tooLong = 'é'.repeat(MAX_TEMPLATE_PART_BYTES / 2) + 'a';
    expect(templateProblems({ subject: 'Hi', html: fits, text: tooLong })).toEqual({
      text: 'partTooLong',
    });
  });
});
