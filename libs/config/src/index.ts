export { ConfigError, parseEnv } from './parse-env';
export { databaseEnv, SERVICE_CONFIG, serviceEnv, type ServiceEnv } from './service-env';
