import * as t from 'io-ts';

/** What a contract lets or provides: land (土地租赁), buildings (房屋租赁), equipment, resources contracted out (资源发包), services (服务), other. */
export const ContractCategory = t.keyof(
  { 'land-lease': null, 'building-lease': null, 'equipment-lease': null, 'resource-contracting': null, service: null, other: null },
  'land-lease, building-lease, equipment-lease, resource-contracting, service or other',
);
export type ContractCategory = t.TypeOf<typeof ContractCategory>;

/** Who the collective contracts with: a household (农户), a member (成员), a company (企业), a cooperative (合作社), or other. */
export const CounterpartyKind = t.keyof(
  { household: null, member: null, company: null, cooperative: null, other: null },
  'household, member, company, cooperative or other',
);
export type CounterpartyKind = t.TypeOf<typeof CounterpartyKind>;

/** The unit of a described subject's area: mu (亩) or square metres (平方米). */
export const AreaUnit = t.keyof({ mu: null, m2: null }, 'mu or m2');
export type AreaUnit = t.TypeOf<typeof AreaUnit>;

/**
 * The democratic and tendering procedures that approved a contract:
 * members' assembly (成员大会), members' representatives (成员代表会议),
 * tender or bidding (招标 / 竞价), public disclosure (公示 / 公开).
 */
export const ApprovalProcedure = t.keyof(
  { 'members-assembly': null, 'members-representatives': null, tender: null, 'public-disclosure': null },
  'members-assembly, members-representatives, tender or public-disclosure',
);
export type ApprovalProcedure = t.TypeOf<typeof ApprovalProcedure>;

/**
 * Why a contract ended early (解除): agreed by both sides, the counterparty's
 * breach (e.g. fees unpaid), the collective's, the subject taken for public
 * use (征收), the review found it irregular (清理), the counterparty gone, other.
 */
export const TerminationReason = t.keyof(
  { 'mutual-agreement': null, 'counterparty-breach': null, 'collective-breach': null, requisition: null, irregular: null, 'counterparty-gone': null, other: null },
  'mutual-agreement, counterparty-breach, collective-breach, requisition, irregular, counterparty-gone or other',
);
export type TerminationReason = t.TypeOf<typeof TerminationReason>;

/**
 * Why a review flags a contract irregular (不规范合同): no written contract,
 * no democratic procedure, a price far below the market, a term over the
 * legal limit, fees unpaid, or another reason (with a note).
 */
export const IrregularityReason = t.keyof(
  { 'no-written-contract': null, 'no-democratic-procedure': null, 'price-below-market': null, 'term-over-limit': null, 'fees-unpaid': null, other: null },
  'no-written-contract, no-democratic-procedure, price-below-market, term-over-limit, fees-unpaid or other',
);
export type IrregularityReason = t.TypeOf<typeof IrregularityReason>;

/** How a flagged contract was put right: supplemented (补充完善), renegotiated and re-approved (重新协商并履行程序), re-tendered (重新招标). */
export const RectificationMethod = t.keyof({ supplemented: null, renegotiated: null, 're-tendered': null }, 'supplemented, renegotiated or re-tendered');
export type RectificationMethod = t.TypeOf<typeof RectificationMethod>;
