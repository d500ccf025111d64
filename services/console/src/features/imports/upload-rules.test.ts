import { describe, expect, it } from 'vitest';
import { fileProblem, uploadForm } from './upload-rules';

const file = new File(['name\nFleet A\n'], 'accounts.csv', { type: 'text/csv' });

describe('the upload form', () => {
  it('sends an accounts file without the invitations question', () => {
    expect(
      uploadForm({
        kind: 'accounts',
        file,
        dryRun: true,
        onConflict: 'update',
        sendInvitations: true,
      }),
    ).toEqual({ kind: 'accounts', file, dryRun: 'true', onConflict: 'update' });
  });

  it('asks a users file whether to invite', () => {
    expect(
      uploadForm({
        kind: 'users',
        file,
        dryRun: false,
        onConflict: 'skip',
        sendInvitations: false,
      }),
    ).toEqual({
      kind: 'users',
      file,
      dryRun: 'false',
      onConflict: 'skip',
      sendInvitations: 'false',
    });
  });

  it('needs a file with something in it', () => {
    expect(fileProblem(null)).toBe('fileRequired');
    expect(fileProblem(new File([], 'empty.csv'))).toBe('fileRequired');
    expect(fileProblem(file)).toBeUndefined();
  });
});
