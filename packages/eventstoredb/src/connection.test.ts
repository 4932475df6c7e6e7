import { describe, expect, it } from 'vitest';
import { clientFor, redactConnectionString } from './connection.js';
import { InvalidConnectionStringError } from './errors.js';
import { clientRevisionOf, sealedRevisionOf } from './revision.js';

describe('connection strings', () => {
  it('accepts esdb:// and esdb+discover:// without connecting', async () => {
    for (const url of ['esdb://127.0.0.1:1?tls=false', 'esdb+discover://admin:changeit@cluster.invalid:2113']) {
      const client = clientFor(url);
      await client.dispose();
    }
  });

  it.each([
    ['', 'it is not a URL'],
    ['https://127.0.0.1:2113', 'the scheme is https://, not esdb:// or esdb+discover://'],
    ['esdb://127.0.0.1:2113?nodePreference=nowhere', 'nodePreference'],
  ])('refuses %j, saying why', (url, reason) => {
    expect(() => clientFor(url)).toThrow(InvalidConnectionStringError);
    expect(() => clientFor(url)).toThrow(reason);
  });

  it('never shows a password', () => {
    expect(redactConnectionString('esdb://admin:changeit@node1:2113,node2:2113?tls=true')).toBe('esdb://admin:***@node1:2113,node2:2113?tls=true');
    expect(redactConnectionString('esdb://node1:2113')).toBe('esdb://node1:2113');
  });
});

describe('expected revisions', () => {
  it('map one to one onto the client’s, and a sealed head onto an exact one', () => {
    expect(['any', 'no_stream', 'stream_exists', 7n].map((r) => clientRevisionOf(r as never))).toEqual(['any', 'no_stream', 'stream_exists', 7n]);
    expect([sealedRevisionOf(undefined), sealedRevisionOf(0n), sealedRevisionOf(41n)]).toEqual(['no_stream', 0n, 41n]);
  });
});
