import type * as t from 'io-ts';
import { CloseYearInput as CloseYearInputCodec } from './service.js';

/** Input of `closeYear`: the village and the year to close. */
export const CloseYearInput = CloseYearInputCodec;
/** What a caller sends: plain JSON. */
export type CloseYearInput = t.OutputOf<typeof CloseYearInput>;
/** What the codec decodes it to. */
export type CloseYearInputValue = t.TypeOf<typeof CloseYearInput>;
