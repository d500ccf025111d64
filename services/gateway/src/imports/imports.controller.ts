import { Controller, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { imports, type common } from '@onramp/contracts';
import { RpcClient, UploadStore } from '@onramp/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller } from '../auth/caller-context';
import type { GatewayEnv } from '../gateway-env';
import { ZodParamsPipe, ZodQueryPipe } from '../http/zod.pipes';
import { answered } from '../mappers/proto-values';
import { Endpoint } from '../openapi/operation';
import { sendCsv } from './csv-download';
import { conflictPolicies, importKinds, rowOutcomes } from './import-words';
import { toImportJson } from './imports.mappers';
import { importsOperations as api } from './imports.operations';
import {
  importParams,
  listImportRowsQuery,
  listImportsQuery,
  templateParams,
  usersExportQuery,
  type ImportResponse,
  type ImportRowPageResponse,
  type ListImportRowsQuery,
  type ListImportsQuery,
} from './imports.schemas';
import { readUpload } from './upload-reader';

const method = imports.ImportService.method;
const jobId = new ZodParamsPipe(importParams);

@Controller()
export class ImportsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly uploads: UploadStore,
    @Inject(SERVICE_CONFIG) private readonly env: GatewayEnv,
  ) {}

  @Endpoint(api.upload)
  async upload(
    @CurrentCaller() caller: common.Caller,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportResponse> {
    const upload = await readUpload(request, this.uploads, this.env.IMPORT_MAX_BYTES);
    try {
      const { job } = await this.rpc.call(method.createImport, {
        caller,
        kind: importKinds.value(upload.fields.kind),
        dryRun: upload.fields.dryRun,
        onConflict: conflictPolicies.value(upload.fields.onConflict),
        sendInvitations: upload.fields.sendInvitations,
        objectName: upload.objectName,
        fileName: upload.fileName,
        sizeBytes: BigInt(upload.sizeBytes),
      });
      const created = toImportJson(answered('import', job, 'an import job'));
      void reply.header('location', `/v1/imports/${created.id}`);
      return created;
    } catch (error) {
      // Refused (the installation is busy, or the file is not one): nothing keeps the upload.
      await this.uploads.delete(upload.objectName).catch(() => undefined);
      throw error;
    }
  }

  @Endpoint(api.rows)
  async rows(
    @CurrentCaller() caller: common.Caller,
    @Param(jobId) { id }: { id: string },
    @Query(new ZodQueryPipe(listImportRowsQuery)) { outcome, ...page }: ListImportRowsQuery,
  ): Promise<ImportRowPageResponse> {
    const answer = await this.rpc.call(method.listImportRows, {
      caller,
      importId: id,
      outcome: outcome === undefined ? undefined : rowOutcomes.value(outcome),
      ...page,
    });
    return {
      headers: answer.headers,
      items: answer.rows.map((row) => ({
        line: row.line,
        outcome: rowOutcomes.word(row.outcome) || null,
        cells: row.cells,
        violations: row.violations.map(({ field, message }) => ({ field, message })),
      })),
      nextCursor: answer.nextCursor ?? null,
    };
  }

  @Endpoint(api.list)
  async list(
    @CurrentCaller() caller: common.Caller,
    @Query(new ZodQueryPipe(listImportsQuery)) query: ListImportsQuery,
  ) {
    const page = await this.rpc.call(method.listImports, { caller, ...query });
    return { items: page.jobs.map(toImportJson), nextCursor: page.nextCursor ?? null };
  }

  @Endpoint(api.get)
  async get(@CurrentCaller() caller: common.Caller, @Param(jobId) { id }: { id: string }) {
    const { job } = await this.rpc.call(method.getImport, { caller, importId: id });
    return toImportJson(answered('import', job, 'an import job'));
  }

  @Endpoint(api.cancel)
  async cancel(@CurrentCaller() caller: common.Caller, @Param(jobId) { id }: { id: string }) {
    const { job } = await this.rpc.call(method.cancelImport, { caller, importId: id });
    return toImportJson(answered('import', job, 'an import job'));
  }

  @Endpoint(api.apply)
  async apply(@CurrentCaller() caller: common.Caller, @Param(jobId) { id }: { id: string }) {
    const { job } = await this.rpc.call(method.applyImport, { caller, importId: id });
    return toImportJson(answered('import', job, 'an import job'));
  }

  @Endpoint(api.errors)
  errors(
    @CurrentCaller() caller: common.Caller,
    @Param(jobId) { id }: { id: string },
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return sendCsv(reply, `import-${id}-errors.csv`, (cursor) =>
      this.rpc.call(method.getImportErrors, { caller, importId: id, cursor }),
    );
  }

  @Endpoint(api.template)
  template(
    @Param(new ZodParamsPipe(templateParams)) { kind }: { kind: string },
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return sendCsv(reply, `${kind}.csv`, () =>
      this.rpc.call(method.getImportTemplate, { kind: importKinds.value(kind) }),
    );
  }

  @Endpoint(api.exportAccounts)
  exportAccounts(@CurrentCaller() caller: common.Caller, @Res() reply: FastifyReply) {
    return sendCsv(reply, 'accounts.csv', (cursor) =>
      this.rpc.call(method.exportPage, { caller, kind: imports.ImportKind.ACCOUNTS, cursor }),
    );
  }

  @Endpoint(api.exportUsers)
  exportUsers(
    @CurrentCaller() caller: common.Caller,
    @Query(new ZodQueryPipe(usersExportQuery)) { accountId }: { accountId?: string },
    @Res() reply: FastifyReply,
  ) {
    return sendCsv(reply, 'users.csv', (cursor) =>
      this.rpc.call(method.exportPage, {
        caller,
        kind: imports.ImportKind.USERS,
        accountId,
        cursor,
      }),
    );
  }
}
