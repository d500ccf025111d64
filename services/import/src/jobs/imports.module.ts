import { Module } from '@nestjs/common';
import { AccountsKind } from '../kinds/accounts-kind';
import { KindRegistry } from '../kinds/kind-registry';
import { UsersKind } from '../kinds/users-kind';
import { Applier } from '../running/applier';
import { JobEndings } from '../running/job-endings';
import { JobRunner } from '../running/job-runner';
import { Validator } from '../running/validator';
import { ImportsRpc } from './imports.rpc';
import { ImportsService } from './imports.service';
import { JobStore } from './job-store';

@Module({
  providers: [
    JobStore,
    AccountsKind,
    UsersKind,
    KindRegistry,
    JobEndings,
    Validator,
    Applier,
    JobRunner,
    ImportsService,
    ImportsRpc,
  ],
})
export class ImportsModule {}
