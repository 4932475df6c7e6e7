declare const __COLLECTIVE_LEDGER_BUILD__: string | undefined;

/**
 * The build of the library's projections: a hash of its sources, set when
 * the package is built, so that a stored read model made by other code is
 * rebuilt. Run from the sources (tests), it is `source`.
 */
export const modelBuild: string = typeof __COLLECTIVE_LEDGER_BUILD__ === 'string' ? __COLLECTIVE_LEDGER_BUILD__ : 'source';
