import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeReadModelStoreContract } from '@collective-ledger/testing';
import { FileReadModels } from './file-read-models.js';

describeReadModelStoreContract('beside an NDJSON ledger', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'collective-ledger-file-models-'));
  const ledger = join(dir, 'ledger.ndjson');
  return { models: new FileReadModels(ledger), second: new FileReadModels(ledger), close: () => rm(dir, { recursive: true, force: true }) };
});
