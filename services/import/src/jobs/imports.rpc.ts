import { Injectable, type OnModuleInit } from '@nestjs/common';
import { requireCaller } from '@onramp/authz';
import { imports } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { jobMessage } from './job-message';
import { ImportsService } from './imports.service';

const methods = imports.ImportService.method;

/** The NATS face of the import service. */
@Injectable()
export class ImportsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly imports: ImportsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.createImport, async (request) => ({
      job: jobMessage(await this.imports.create(requireCaller(request.caller), request)),
    }));
    this.rpc.handle(methods.getImport, async (request) => ({
      job: jobMessage(await this.imports.get(requireCaller(request.caller), request.importId)),
    }));
    this.rpc.handle(methods.listImports, async (request) => {
      const { items, nextCursor } = await this.imports.list(requireCaller(request.caller), request);
      return { jobs: items.map((job) => jobMessage(job)), nextCursor };
    });
    this.rpc.handle(methods.cancelImport, async (request) => ({
      job: jobMessage(await this.imports.cancel(requireCaller(request.caller), request.importId)),
    }));
    this.rpc.handle(methods.applyImport, async (request) => ({
      job: jobMessage(await this.imports.apply(requireCaller(request.caller), request.importId)),
    }));
    this.rpc.handle(methods.getImportErrors, (request) =>
      this.imports.errors(requireCaller(request.caller), request.importId, request.cursor),
    );
    this.rpc.handle(methods.listImportRows, (request) =>
      this.imports.rows(requireCaller(request.caller), request),
    );
    this.rpc.handle(methods.getImportTemplate, (request) =>
      Promise.resolve({ csv: this.imports.template(request.kind) }),
    );
    this.rpc.handle(methods.exportPage, (request) =>
      this.imports.exportPage(requireCaller(request.caller), request),
    );
  }
}
