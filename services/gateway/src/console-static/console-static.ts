import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { GatewayEnv } from '../gateway-env';
import {
  ASSET_CACHE_CONTROL,
  CSP_NONCE_PLACEHOLDER,
  PAGE_CACHE_CONTROL,
  pageNonce,
  setConsoleHeaders,
} from './console-policy';

const logger = new Logger('Console');

/**
 * The operator console at /console: its files, named by their content hash, under
 * /console/assets/, and index.html for every other path, since the console routes in the browser
 * with real addresses (a reload of /console/users/system must find the app). Turned off, or
 * without a build to serve, /console is the gateway's 404 like any unknown path.
 */
export async function installConsole(
  app: NestFastifyApplication,
  env: Pick<GatewayEnv, 'CONSOLE_ENABLED' | 'CONSOLE_DIR'>,
): Promise<void> {
  if (!env.CONSOLE_ENABLED) return;
  const index = path.join(env.CONSOLE_DIR, 'index.html');
  if (!(await isFile(index))) {
    // The gateway still starts: the API does not need the console.
    logger.warn(
      `the console is not served: ${index} does not exist (npm run build -w @onramp/console builds it)`,
    );
    return;
  }
  // Read at every answer, so that a console built again while the gateway runs is the one served.
  const sendPage = async (_request: unknown, reply: FastifyReply): Promise<FastifyReply> => {
    const { nonce, policy } = pageNonce();
    const html = (await readFile(index, 'utf8')).replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
    return reply
      .type('text/html; charset=utf-8')
      .headers({ 'cache-control': PAGE_CACHE_CONTROL, 'content-security-policy': policy })
      .send(html);
  };
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', (_request, reply, done) => {
      setConsoleHeaders(reply);
      done();
    });
    // A missing asset is a 404, never index.html: a stale page asking for an old file must fail
    // visibly rather than run HTML as a script.
    await scope.register(fastifyStatic, {
      root: path.join(env.CONSOLE_DIR, 'assets'),
      prefix: '/console/assets/',
      decorateReply: false,
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders: (reply) => void reply.header('cache-control', ASSET_CACHE_CONTROL),
    });
    scope.get('/console', sendPage);
    scope.get('/console/*', sendPage);
  });
}

function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (found) => found.isFile(),
    () => false,
  );
}
