import { describe, expect, it } from 'vitest';
import {
  chargingCardBody,
  contractIdProblem,
  groupIdProblem,
  issuerProblem,
  uidProblem,
  visualNumberProblem,
} from './card-rules';

describe('the charging card form rules', () => {
  it.each(['04A2B3C4D5E6F7', ' 12345678 ', 'x'.repeat(36)])('take %j as a UID', (uid) => {
    expect(uidProblem(uid)).toBeUndefined();
  });

  it.each(['', '04 A2', 'x'.repeat(37), 'ü123'])('refuse %j as a UID', (uid) => {
    expect(uidProblem(uid)).toBe('uidInvalid');
  });

  it.each(['NL-TNM-C12345678-X', 'NLTNMC12345678X', 'NL-TNM-C12345678', ' de-abc-123456789 '])(
    'take %j as a contract id',
    (contractId) => {
      expect(contractIdProblem(contractId)).toBeUndefined();
    },
  );

  it.each(['', 'NL-TNM', 'N1-TNM-C12345678', 'NL-TNM-C1234567', 'NL-TNM-C12345678-XY'])(
    'refuse %j as a contract id',
    (contractId) => {
      expect(contractIdProblem(contractId)).toBe('contractIdInvalid');
    },
  );

  it('needs an issuer of at most 64 characters, and bounds the optional fields', () => {
    expect(issuerProblem('Charge Co')).toBeUndefined();
    expect(issuerProblem('  ')).toBe('issuerInvalid');
    expect(issuerProblem('x'.repeat(65))).toBe('issuerInvalid');
    expect(visualNumberProblem('')).toBeUndefined();
    expect(visualNumberProblem('x'.repeat(65))).toBe('visualNumberInvalid');
    expect(groupIdProblem('x'.repeat(20))).toBeUndefined();
    expect(groupIdProblem('x'.repeat(21))).toBe('groupIdInvalid');
  });

  it('sends the fields trimmed, leaving out the optional ones left empty', () => {
    expect(
      chargingCardBody({
        uid: ' 04A2B3C4 ',
        type: 'RFID',
        contractId: ' NL-TNM-C12345678-X ',
        issuer: ' Charge Co ',
        visualNumber: '  ',
        groupId: '',
        whitelist: 'ALLOWED',
      }),
    ).toEqual({
      uid: '04A2B3C4',
      type: 'RFID',
      contractId: 'NL-TNM-C12345678-X',
      issuer: 'Charge Co',
      visualNumber: undefined,
      groupId: undefined,
      whitelist: 'ALLOWED',
    });
  });
});
