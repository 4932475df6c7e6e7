import { organization, shares, type CommandContext } from '@collective-ledger/core';
import type { Envelope } from './books.js';
import { VILLAGE } from './cooperative.js';
import type { PlannedHousehold } from './members.js';
import { orFail } from './or-fail.js';


/** The first household with at least `size` members. */
const householdOf = (households: readonly PlannedHousehold[], size: number): PlannedHousehold => {
  const found = households.find((h) => h.members.length >= size);
  if (found === undefined) throw new Error(`no household of ${size} members`);
  return found;
};

/**
 * The register's year: a head of household dies and a member of the same
 * household inherits the shares; labour-age shares pass between two members;
 * a member marries out of the village and, by the charter, keeps the shares;
 * a child is born (a member without shares).
 */
export const changesOf2023 = async (context: CommandContext, envelope: Envelope, households: readonly PlannedHousehold[]): Promise<void> => {
  const bereaved = householdOf(households, 3);
  const [deceased, heir] = bereaved.members;
  const other = households.find((h) => h !== bereaved && h.members.length >= 2) ?? bereaved;
  const [seller, buyer] = other.members;
  const leaving = households.filter((h) => h !== bereaved && h !== other && h.members.length >= 4)[0]?.members[3];
  if (deceased === undefined || heir === undefined || seller === undefined || buyer === undefined || leaving === undefined) throw new Error('the example needs larger households');
  const at = { organizationId: VILLAGE };
  orFail(await organization.admitMember(context, { ...envelope(), input: { ...at, memberId: `${bereaved.householdId}-9`, householdId: bereaved.householdId, name: '新生儿', joinedOn: '2023-04-02', reason: 'birth' } }));
  orFail(await organization.recordMemberLeaving(context, { ...envelope(), input: { ...at, memberId: deceased.memberId, leftOn: '2023-05-12', reason: 'death' } }));
  orFail(await shares.inheritShares(context, { ...envelope(), input: { ...at, fromMemberId: deceased.memberId, toMemberId: heir.memberId, inheritedOn: '2023-06-01' } }));
  orFail(await shares.transferShares(context, { ...envelope(), input: { ...at, fromMemberId: seller.memberId, toMemberId: buyer.memberId, classId: 'labour', shares: '0.5', transferredOn: '2023-08-15' } }));
  orFail(await organization.recordMemberLeaving(context, { ...envelope(), input: { ...at, memberId: leaving.memberId, leftOn: '2023-09-10', reason: 'marriage' } }));
  orFail(await shares.withdrawShares(context, { ...envelope(), input: { ...at, memberId: leaving.memberId, withdrawnOn: '2023-09-10' } }));
};
