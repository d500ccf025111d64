import { Injectable, type OnModuleInit } from '@nestjs/common';
import { requireCaller } from '@onramp/authz';
import { identity } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { UserExportsService } from './user-exports.service';
import { UserImportsService } from './user-imports.service';

const methods = identity.IdentityService.method;

/** The NATS face of the users import and export: the import service's chunks and pages. */
@Injectable()
export class UserImportsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly imports: UserImportsService,
    private readonly exports: UserExportsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.exportUsers, (request) =>
      this.exports.page(requireCaller(request.caller), request),
    );
    this.rpc.handle(methods.importUsers, async (request) => ({
      results: await this.imports.importChunk(requireCaller(request.caller), {
        importId: request.importId,
        onConflict: request.onConflict,
        checkOnly: request.checkOnly,
        rows: request.rows.map((row) => ({
          line: row.line,
          email: row.email,
          name: row.name,
          language: row.language,
          gender: row.gender,
          externalId: row.externalId,
          migrated: row.migrated,
          passwordHash: row.passwordHash,
          membership: row.membership,
        })),
      }),
    }));
  }
}
