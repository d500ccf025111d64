import { common, enumWords, imports } from '@onramp/contracts';

export const importKinds = enumWords<imports.ImportKind>(imports.ImportKind);
export const importStatuses = enumWords<imports.ImportStatus>(imports.ImportStatus);
export const conflictPolicies = enumWords<common.ConflictPolicy>(common.ConflictPolicy);
export const rowOutcomes = enumWords<common.RowOutcome>(common.RowOutcome);
