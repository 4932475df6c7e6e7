import { landError, type LandError } from './errors.js';
import type { LandEvent } from './events.js';
import { landDateOf, type LandRegister } from './register.js';
import type { LandFacts } from './rules-common.js';
import { certifiedProblem, contractedProblem, mergedProblem, splitProblem } from './rules-parcels.js';
import { declaredProblem, paidProblem } from './rules-payments.js';
import { reassignedProblem, renewedProblem, reviewedProblem, terminatedProblem, transferredProblem } from './rules-transfers.js';

const eventProblem = (register: LandRegister, event: LandEvent, facts: LandFacts): LandError | undefined => {
  switch (event.type) {
    case 'ParcelContracted':
      return contractedProblem(register, event, facts);
    case 'ParcelCertified':
      return certifiedProblem(register, event);
    case 'ParcelSplit':
      return splitProblem(register, event);
    case 'ParcelsMerged':
      return mergedProblem(register, event);
    case 'LandTransferred':
      return transferredProblem(register, event);
    case 'LandTransferTerminated':
      return terminatedProblem(register, event);
    case 'LandTransferRenewed':
      return renewedProblem(register, event);
    case 'LandTransferReassigned':
      return reassignedProblem(register, event);
    case 'GrainPriceReviewed':
      return reviewedProblem(register, event);
    case 'LandDividendDeclared':
      return declaredProblem(register, event);
    case 'LandIncomePaid':
      return paidProblem(register, event);
  }
};

/**
 * Whether an event is a legal step of the land register: recorded in date
 * order, then its own rules. The commands decide with it, and the checked
 * import and `verify` apply it again to every recorded event.
 */
export const landProblem = (register: LandRegister, event: LandEvent, facts: LandFacts): LandError | undefined => {
  const date = landDateOf(event);
  if (register.lastDate !== undefined && date < register.lastDate) {
    return landError('LAND_DATE_OUT_OF_ORDER', `${event.type} dated ${date} is before the land register's last entry on ${register.lastDate}; record it in date order`);
  }
  return eventProblem(register, event, facts);
};
