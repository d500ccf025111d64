import type { DescFile } from '@bufbuild/protobuf';
import { file_onramp_common_v1_error } from './gen/onramp/common/v1/error_pb';
import { file_onramp_identity_v1_identity } from './gen/onramp/identity/v1/identity_pb';

/** Every contract file, so that tests can check all subjects at once. Add new files here. */
export const allContractFiles: readonly DescFile[] = [
  file_onramp_common_v1_error,
  file_onramp_identity_v1_identity,
];
