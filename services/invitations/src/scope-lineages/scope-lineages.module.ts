import { Module } from '@nestjs/common';
import { AccountTreeModule } from '@onramp/account-tree';
import { ScopeLineages } from './scope-lineages';

@Module({ imports: [AccountTreeModule], providers: [ScopeLineages] })
export class ScopeLineagesModule {}
