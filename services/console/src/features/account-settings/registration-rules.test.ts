import { describe, expect, it } from 'vitest';
import { registrationChange } from './registration-rules';

describe('the registration settings form', () => {
  it('turns self-registration on or off', () => {
    expect(registrationChange({ enabled: true, newCode: false })).toEqual({ enabled: true });
    expect(registrationChange({ enabled: false, newCode: false })).toEqual({ enabled: false });
  });

  it('asks for a new code only while self-registration stays on', () => {
    expect(registrationChange({ enabled: true, newCode: true })).toEqual({
      enabled: true,
      rotateCode: true,
    });
    expect(registrationChange({ enabled: false, newCode: true })).toEqual({ enabled: false });
  });
});
