export * from './events.js';
export * from './member-events.js';
export * from './inputs.js';
export type {
  AdmitMember,
  ForgetHousehold,
  ForgetMember,
  MemberCommand,
  MoveMember,
  OrganizationCommand,
  RecordMemberLeaving,
  RegisterHousehold,
  RegisterOrganization,
} from './commands.js';
export * from './errors.js';
export * from './state.js';
export * from './decider.js';
export * from './service.js';
export * from './member-service.js';
export * from './forget-member.js';
export * from './member-register.js';
