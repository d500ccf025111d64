export { freePort, waitForPort } from './ports';
export { onKeptPort, type OnKeptPort } from './kept-port';
export { startEmbeddedPostgres, type PostgresServer } from './postgres';
export { startNatsServer, type NatsServer } from './nats-server';
export { provideInfrastructure, type Infrastructure } from './infrastructure';
export {
  startServiceProcess,
  type ServiceProcess,
  type ServiceProcessOptions,
} from './service-process';
export { createDatabase } from './databases';
export { pgDatabase } from './pg-database';
export { eventually } from './eventually';
export { recipientsOf, startSmtpSink, type ReceivedEmail, type SmtpSink } from './smtp-sink';
export { WebhookReceiver, type ReceivedRequest } from './webhook-receiver';
export { mannWhitneyU, median, type MannWhitney } from './mann-whitney';
