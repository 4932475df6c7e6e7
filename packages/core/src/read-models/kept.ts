import type { EventCatalog } from '../kernel/catalog.js';
import { ReportOptionError } from '../reports/definitions/definition.js';
import { findReport } from '../reports/definitions/registry.js';
import { checkReportOptions } from '../reports/definitions/run-report.js';
import { modelChoiceOf, type ModelChoice } from './keys.js';
import type { ModelStanding, ReadModelStore, StoredReadModel } from './port.js';
import { decodeState } from './state-codec.js';

/** A model to keep: a report, and the options it will be asked with (`{ year: 2023 }`). */
export interface ReadModelSpec {
  readonly report: string;
  readonly options?: Readonly<Record<string, unknown>>;
}

/** A model the runner holds in memory while it folds. */
export interface KeptModel {
  readonly choice: ModelChoice;
  state: unknown;
  position: bigint;
  /** Where it stood when read (`undefined` when new): the save's condition. */
  standing: ModelStanding | undefined;
  readonly rebuilt: boolean;
  /** True when it changed since it was read or saved. */
  dirty: boolean;
}

const fromStored = (stored: StoredReadModel, choice: ModelChoice): KeptModel => {
  const standing = { version: stored.version, position: stored.position };
  if (stored.version === choice.version && stored.state !== undefined && stored.key === choice.key) {
    return { choice, state: decodeState(stored.state), position: stored.position, standing, rebuilt: false, dirty: false };
  }
  return { choice, state: choice.projection.init(), position: 0n, standing: stored.key === choice.key ? standing : undefined, rebuilt: true, dirty: true };
};

/** The choice a spec makes, with its options checked as the report checks them. */
export const specChoice = (spec: ReadModelSpec, catalog: EventCatalog): ModelChoice => {
  const definition = findReport(spec.report);
  if (definition === undefined) throw new ReportOptionError(`there is no report named ${JSON.stringify(spec.report)}`);
  const options = spec.options ?? {};
  checkReportOptions(definition, options);
  return modelChoiceOf(definition, options, catalog);
};

/** Every stored model (rebuilt when other code made it) and every new registration, each once. */
export const keptModels = async (
  readModels: ReadModelStore,
  catalog: EventCatalog,
  register: readonly ReadModelSpec[],
): Promise<{ readonly models: KeptModel[]; readonly unknown: string[] }> => {
  const models = new Map<string, KeptModel>();
  const unknown: string[] = [];
  for (const stored of await readModels.list()) {
    const definition = findReport(stored.report);
    if (definition === undefined) {
      unknown.push(stored.key);
      continue;
    }
    const choice = modelChoiceOf(definition, stored.options, catalog);
    models.set(choice.key, fromStored(stored, choice));
  }
  for (const spec of register) {
    const choice = specChoice(spec, catalog);
    if (!models.has(choice.key)) models.set(choice.key, { choice, state: choice.projection.init(), position: 0n, standing: undefined, rebuilt: true, dirty: true });
  }
  return { models: [...models.values()], unknown };
};
