export {
  parkedOnceEach,
  ServiceInstance,
  ServiceTestBed,
  type PoisonOutcome,
  type ServiceUnderTest,
} from './service-test-bed';
