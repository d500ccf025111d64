import { Module } from '@nestjs/common';
import { UsersRpc } from './users.rpc';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({ providers: [UsersRpc, UsersService, UsersRepository] })
export class UsersModule {}
