export { ConfigError, parseEnv } from './parse-env';
export { databaseEnv, serviceEnv, type ServiceEnv } from './service-env';
