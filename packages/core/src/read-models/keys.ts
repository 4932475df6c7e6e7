import type { EventCatalog } from '../kernel/catalog.js';
import type { JsonObject, JsonValue } from '../kernel/event.js';
import type { Projection } from '../kernel/projection.js';
import type { AnyReportDefinition, ReportOptionName } from '../reports/definitions/definition.js';
import { modelBuild } from './build.js';

/** What a report's read model is for one choice of options: where it is kept and which code made it. */
export interface ModelChoice {
  readonly key: string;
  readonly report: string;
  readonly options: JsonObject;
  readonly version: string;
  readonly projection: Projection<unknown>;
  /** The business date the projection stops at (the report's own `replayAsOf`). */
  readonly asOf: string | undefined;
}

/** The options that shape a report's projection: those it names, else every option it takes but the language. */
export const modelOptionsOf = (definition: AnyReportDefinition): readonly ReportOptionName[] =>
  definition.modelOptions ?? definition.options.filter((option) => option !== 'lang');

/** A model option as kept: only plain values, so the options read back are the options given. */
const jsonOf = (report: string, name: string, value: unknown): JsonValue => {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new TypeError(`${report}: option ${name} shapes its read model but is not a plain value; list the report's model options`);
};

/** The model options given, in a fixed order, as JSON. */
const chosenOptions = (definition: AnyReportDefinition, options: Readonly<Record<string, unknown>>): JsonObject => {
  const chosen: Record<string, JsonValue> = {};
  for (const name of [...modelOptionsOf(definition)].sort()) {
    const value = options[name];
    if (value !== undefined) chosen[name] = jsonOf(definition.name, name, value);
  }
  return chosen;
};

/** The read model a report asked with these (checked) options reads. */
export const modelChoiceOf = (definition: AnyReportDefinition, options: Readonly<Record<string, unknown>>, catalog: EventCatalog): ModelChoice => {
  const chosen = chosenOptions(definition, options);
  const projection = definition.projection(options, catalog) as Projection<unknown>;
  return {
    key: `${definition.name}${JSON.stringify(chosen)}`,
    report: definition.name,
    options: chosen,
    version: `${modelBuild}/${projection.name}`,
    projection,
    asOf: definition.replayAsOf(options),
  };
};
