import { ScopeLineagesModule } from './scope-lineages/scope-lineages.module';
import { InvitationsModule } from './invitations/invitations.module';
import { JoiningCodesModule } from './joining-codes/joining-codes.module';
import { RegistrationsModule } from './registrations/registrations.module';

/** Every feature of the invitations service (shared by main and the integration tests). */
export const invitationsFeatures = [
  InvitationsModule,
  JoiningCodesModule,
  RegistrationsModule,
  ScopeLineagesModule,
];
