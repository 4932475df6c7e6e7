import { memberRegister } from '../domain/organization/member-register.js';
import { combineProjections } from '../kernel/projection.js';
import { organizationTree } from './organizations.js';
import { overAnyEvent } from './statement.js';

/**
 * What the member register (成员名册) is read from, in one pass: the
 * organizations (to check the village asked for) and every village's
 * households and members. Query it with `householdsOf` and `countsOn`.
 */
export const membersProjection = () =>
  combineProjections('members', {
    tree: overAnyEvent(organizationTree),
    register: memberRegister,
  });
