export { ServiceInstance, ServiceTestBed, type ServiceUnderTest } from './service-test-bed';
