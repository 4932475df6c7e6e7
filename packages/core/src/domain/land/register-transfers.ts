import type { GrainPriceReviewed, LandEvent, LandTransferReassigned, LandTransferred, LandTransferRenewed, LandTransferTerminated } from './events.js';
import type { LandRegister, TransferRecord } from './register.js';

const withTransferOnParcels = (register: LandRegister, transfer: TransferRecord): LandRegister => {
  let parcels = register.parcels;
  for (const part of transfer.parts) parcels = parcels.adjust(part.parcelId, (p) => ({ ...p, transfers: [...p.transfers, transfer.transferId] }));
  return { ...register, parcels, transfers: register.transfers.set(transfer.transferId, transfer) };
};

const recordOf = (register: LandRegister, { data: d }: LandTransferred): TransferRecord => ({
  transferId: d.transferId,
  operator: d.operator,
  channel: d.channel,
  signedOn: d.signedOn,
  startsOn: d.startsOn,
  endsOn: d.endsOn,
  endedOn: undefined,
  status: 'active',
  parts: d.parcels.map((p) => ({ parcelId: p.parcelId, householdId: register.parcels.get(p.parcelId)?.householdId ?? '', area: p.area })),
  terms: d.terms,
  prices: d.terms.kind === 'grain' ? [{ from: d.startsOn < d.signedOn ? d.startsOn : d.signedOn, pricePerKg: d.terms.pricePerKg }] : [],
  dueDates: d.dueDates,
  serviceFeePerMu: d.serviceFeePerMu,
  reassignedTo: undefined,
  reassignedFrom: undefined,
});

const changed = (register: LandRegister, transferId: string, change: (t: TransferRecord) => TransferRecord): LandRegister => {
  const transfer = register.transfers.get(transferId);
  return transfer === undefined ? register : { ...register, transfers: register.transfers.set(transferId, change(transfer)) };
};

type TransferEvent = LandTransferred | LandTransferTerminated | LandTransferRenewed | LandTransferReassigned | GrainPriceReviewed;
const TRANSFER_TYPES: ReadonlySet<string> = new Set<TransferEvent['type']>(['LandTransferred', 'LandTransferTerminated', 'LandTransferRenewed', 'LandTransferReassigned', 'GrainPriceReviewed']);
const isTransferEvent = (event: LandEvent): event is TransferEvent => TRANSFER_TYPES.has(event.type);

const transfersAfter = (register: LandRegister, event: TransferEvent): LandRegister => {
  switch (event.type) {
    case 'LandTransferred':
      return withTransferOnParcels(register, recordOf(register, event));
    case 'LandTransferTerminated':
      return changed(register, event.data.transferId, (t) => ({ ...t, status: 'terminated', endedOn: event.data.terminatedOn }));
    case 'LandTransferRenewed': {
      const d = event.data;
      return changed(register, d.transferId, (t) => ({ ...t, endsOn: d.endsOn, dueDates: [...t.dueDates, ...d.dueDates] }));
    }
    case 'LandTransferReassigned': {
      const d = event.data;
      const old = register.transfers.get(d.transferId);
      if (old === undefined) return register;
      const successor: TransferRecord = {
        ...old,
        transferId: d.newTransferId,
        operator: d.operator,
        signedOn: d.reassignedOn,
        startsOn: d.reassignedOn,
        dueDates: old.dueDates.filter((due) => due > d.reassignedOn),
        reassignedFrom: old.transferId,
      };
      const ended = changed(register, d.transferId, (t) => ({ ...t, status: 'reassigned', endedOn: d.reassignedOn, reassignedTo: d.newTransferId }));
      return withTransferOnParcels(ended, successor);
    }
    case 'GrainPriceReviewed': {
      const d = event.data;
      return changed(register, d.transferId, (t) => ({ ...t, prices: [...t.prices, { from: d.effectiveFrom, pricePerKg: d.pricePerKg }] }));
    }
  }
};

/** The transfers after a transfer event: signed, terminated, renewed, reassigned to another operator, grain price reviewed. Other events leave them. */
export const evolveTransfers = (register: LandRegister, event: LandEvent): LandRegister => (isTransferEvent(event) ? transfersAfter(register, event) : register);
