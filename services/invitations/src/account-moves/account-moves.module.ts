import { Module } from '@nestjs/common';
import { AccountTreeModule } from '@onramp/account-tree';
import { AccountMoves } from './account-moves';

@Module({ imports: [AccountTreeModule], providers: [AccountMoves] })
export class AccountMovesModule {}
