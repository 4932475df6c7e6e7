import { Chart } from '../domain/ledger/chart/chart.js';
import { Area } from '../money/area.js';
import { Rate } from '../money/rate.js';

/**
 * The immutable value classes a report's state may hold besides Money,
 * Decimal and the persistent collections: kept field by field and read back
 * with their prototype, frozen. A class listed here must hold only storable
 * fields and keep nothing outside its instances.
 */
export const valueClasses = {
  Area,
  Chart,
  Rate,
} as const;
