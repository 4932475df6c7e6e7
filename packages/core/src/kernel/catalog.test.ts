import { describe, expect, it } from 'vitest';
import { EventCatalog, EventValidationError } from './catalog.js';
import { tallied, tallyCatalog } from '../test-support/counter.js';

describe('EventCatalog', () => {
  it('decodes the current version and upcasts older ones', () => {
    expect(tallyCatalog.decode('Tallied', { organizationId: 'v', by: 1, note: 'x' }, 2).data.note).toBe('x');
    expect(tallyCatalog.decode('Tallied', { organizationId: 'v', by: 1 }, 1).data.note).toBe('(none)');
  });

  it('refuses unknown types, future versions and bad data with the field path', () => {
    expect(() => tallyCatalog.decode('Nope', {}, 1)).toThrow('type: unknown event type "Nope"');
    expect(() => tallyCatalog.decode('Tallied', { organizationId: 'v', by: 1, note: 'x' }, 3)).toThrow(
      'metadata.schemaVersion: Tallied is known up to version 2, got 3',
    );
    const error = (() => {
      try {
        tallyCatalog.decode('Tallied', { organizationId: 'v', by: '1', note: 'x' }, 2);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(EventValidationError);
    expect((error as EventValidationError).problems).toEqual(['data.by: expected number, got "1"']);
  });

  it('refuses a type defined twice', () => {
    expect(() => new EventCatalog([tallied, tallied])).toThrow('event type Tallied is defined twice');
  });

  it('finds the organization of an event', () => {
    expect(tallyCatalog.organizationOf({ type: 'Tallied', data: { organizationId: 'v9', by: 1, note: 'n' } })).toBe('v9');
  });
});
