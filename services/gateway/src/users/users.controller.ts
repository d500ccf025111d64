import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { identity } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { RpcClient } from '@onramp/messaging';
import { ZodBodyPipe } from '../http/zod-body.pipe';
import { createUserBody, type CreateUserBody, type UserResponse } from './users.schemas';

@Controller('v1/users')
export class UsersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  async create(@Body(new ZodBodyPipe(createUserBody)) body: CreateUserBody): Promise<UserResponse> {
    const { user } = await this.rpc.call(identity.IdentityService.method.createUser, body);
    if (user === undefined) throw new DomainError('internal', 'identity answered without a user');
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      createdAt: user.createdAt ? timestampDate(user.createdAt).toISOString() : '',
    };
  }
}
