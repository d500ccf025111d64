import { roleList, roleName } from './role-names';

describe('role names', () => {
  it('names roles in the reader’s language and joins them as the language joins a list', () => {
    expect(roleName('account_owner', 'en')).toBe('account owner');
    expect(roleList(['account_owner', 'driver'], 'en')).toBe('account owner and driver');
    expect(roleList(['account_owner', 'driver'], 'nl')).toBe('accounteigenaar en bestuurder');
    expect(roleList(['driver'], 'de')).toBe('Fahrer');
  });

  it('shows a role it does not know as its id in words rather than failing', () => {
    expect(roleName('night_shift_lead', 'fr')).toBe('night shift lead');
  });
});
