import {
  accountNameViolations,
  canonicalReimbursementRate,
  companyViolations,
  isReimbursementRate,
  reimbursementRateViolations,
  relationViolations,
} from './index';

const noCompany = { legalName: '', registrationNumber: '', vatNumber: '' };

describe('company details', () => {
  it('needs a legal name and a registration or VAT number for a business account', () => {
    expect(companyViolations(noCompany, 'business')).toEqual([
      { field: 'company.legalName', message: 'a business account needs it' },
      {
        field: 'company.registrationNumber',
        message: 'a business account needs a registration number or a VAT number',
      },
    ]);
    expect(
      companyViolations(
        { legalName: 'Acme B.V.', registrationNumber: '', vatNumber: 'NL1' },
        'business',
      ),
    ).toEqual([]);
  });

  it('counts only what is left after trimming', () => {
    expect(
      companyViolations(
        { legalName: '   ', registrationNumber: ' 123 ', vatNumber: '' },
        'business',
      ),
    ).toEqual([{ field: 'company.legalName', message: 'a business account needs it' }]);
  });

  it('asks nothing of a consumer account but still bounds the length', () => {
    expect(companyViolations(noCompany, 'consumer')).toEqual([]);
    expect(companyViolations({ ...noCompany, vatNumber: 'x'.repeat(51) }, 'consumer')).toEqual([
      { field: 'company.vatNumber', message: 'must be at most 50 characters' },
    ]);
  });
});

describe('sub-account fields', () => {
  it('bounds the trimmed name', () => {
    expect(accountNameViolations('  ')).toHaveLength(1);
    expect(accountNameViolations(` ${'n'.repeat(200)} `)).toEqual([]);
    expect(accountNameViolations('n'.repeat(201))).toHaveLength(1);
  });

  it('needs a relation below a parent and none at the top', () => {
    expect(relationViolations('employee', true)).toEqual([]);
    expect(relationViolations('', true)).toHaveLength(1);
    expect(relationViolations('cousin', true)).toEqual([
      { field: 'relation', message: 'must be one of "employee", "subsidiary"' },
    ]);
    expect(relationViolations(null, false)).toEqual([]);
    expect(relationViolations('subsidiary', false)).toHaveLength(1);
  });

  it('accepts rates from 0 to 10 with at most four decimals', () => {
    for (const rate of ['0', '0.3125', '9.9999', '10', '10.0000'])
      expect(isReimbursementRate(rate)).toBe(true);
    for (const rate of ['10.0001', '11', '0.12345', '-1', '1e1', '.5', '1.', ' 1'])
      expect(isReimbursementRate(rate)).toBe(false);
    expect(reimbursementRateViolations('')).toEqual([]);
    expect(reimbursementRateViolations(' 0.25 ')).toEqual([]);
    expect(reimbursementRateViolations('abc')).toHaveLength(1);
  });

  it('spells every rate one way: four decimals, no leading zeros', () => {
    const spellings: [string, string][] = [
      ['0.215', '0.2150'],
      ['0.2150', '0.2150'],
      [' 0.22 ', '0.2200'],
      ['0', '0.0000'],
      ['05.5', '5.5000'],
      ['10', '10.0000'],
      ['', ''],
    ];
    for (const [rate, canonical] of spellings)
      expect(canonicalReimbursementRate(rate)).toBe(canonical);
    expect(canonicalReimbursementRate('0.12345')).toBeUndefined();
  });
});
