import { Module } from '@nestjs/common';
import { ImportedRowsRepository } from './imported-rows.repository';

/** What every bulk import of accounts shares: the rows already answered. */
@Module({ providers: [ImportedRowsRepository], exports: [ImportedRowsRepository] })
export class ImportsModule {}
