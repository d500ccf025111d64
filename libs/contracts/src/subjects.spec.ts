import { hasOption } from '@bufbuild/protobuf';
import { event_subject } from './gen/onramp/options/v1/options_pb';
import { allContractFiles } from './registry';
import { eventSubject, rpcSubject } from './subjects';
import { IdentityService, UserCreatedSchema } from './gen/onramp/identity/v1/identity_pb';

const rpcPattern = /^rpc\.[a-z]+(\.[a-z][a-z-]*)+\.v[0-9]+$/;
const eventPattern = /^[a-z]+(\.[a-z][a-z-]*)+\.v[0-9]+$/;

describe('contract subjects', () => {
  const methods = allContractFiles.flatMap((file) =>
    file.services.flatMap((service) => service.methods),
  );
  const events = allContractFiles.flatMap((file) =>
    file.messages.filter((message) => hasOption(message, event_subject)),
  );

  it('gives every RPC a versioned subject in the rpc namespace', () => {
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) {
      expect(rpcSubject(method)).toMatch(rpcPattern);
    }
  });

  it('gives every event a versioned subject outside the rpc namespace, named after its service', () => {
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      const subject = eventSubject(event);
      expect(subject).toMatch(eventPattern);
      expect(event.typeName.split('.')[1]).toBe(subject.split('.')[0]);
    }
  });

  it('never reuses a subject', () => {
    const subjects = [...methods.map(rpcSubject), ...events.map(eventSubject)];
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it('reads the subjects declared in proto', () => {
    expect(rpcSubject(IdentityService.method.createUser)).toBe('rpc.identity.users.create.v1');
    expect(eventSubject(UserCreatedSchema)).toBe('identity.user.created.v1');
  });
});
