import { passwordViolations } from '../credentials/password-policy';
import { identityConfig } from './identity-config';

const policyOf = (value: string | undefined) => identityConfig.shape.PASSWORD_POLICY.parse(value);

describe('PASSWORD_POLICY', () => {
  it('reads the deprecated "seeds" as the "composition" policy', () => {
    expect(policyOf('seeds')).toBe('composition');
    expect(policyOf('composition')).toBe('composition');
    expect(passwordViolations(policyOf('seeds'), 'lowercase only')).toEqual(
      passwordViolations(policyOf('composition'), 'lowercase only'),
    );
  });

  it('is "composition" when unset, and accepts "asvs"', () => {
    expect(policyOf(undefined)).toBe('composition');
    expect(policyOf('asvs')).toBe('asvs');
  });

  it('refuses a name no policy has', () => {
    expect(identityConfig.shape.PASSWORD_POLICY.safeParse('strict').success).toBe(false);
  });
});
