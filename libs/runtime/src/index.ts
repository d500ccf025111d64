export { runService, type ServiceDefinition } from './run-service';
export {
  runDatabaseService,
  type DatabaseServiceDefinition,
  type DatabaseServiceEnv,
} from './run-database-service';
export { coreModules, type CoreModuleOptions } from './core-modules';
