import type { ImportKind, UploadForm } from './imports.api';

export interface UploadChoices {
  kind: ImportKind;
  file: File | null;
  dryRun: boolean;
  onConflict: NonNullable<UploadForm['onConflict']>;
  sendInvitations: boolean;
}

/** The form as the API takes it; invitations are a question for users files only. */
export function uploadForm(choices: UploadChoices & { file: File }): UploadForm {
  return {
    kind: choices.kind,
    file: choices.file,
    dryRun: choices.dryRun ? 'true' : 'false',
    onConflict: choices.onConflict,
    ...(choices.kind === 'users' && {
      sendInvitations: choices.sendInvitations ? 'true' : 'false',
    }),
  };
}

export function fileProblem(file: File | null): 'fileRequired' | undefined {
  return file === null || file.size === 0 ? 'fileRequired' : undefined;
}
