export { ConfigError, parseEnv } from './parse-env';
export {
  databaseEnv,
  publicUrl,
  SERVICE_CONFIG,
  serviceEnv,
  type DatabaseEnv,
  type ServiceEnv,
} from './service-env';
