export { runService, type ServiceDefinition } from './run-service';
export { coreModules, type CoreModuleOptions } from './core-modules';
