import { InMemoryReadModels } from '@collective-ledger/core';
import { describeReadModelStoreContract } from './contract.js';

describeReadModelStoreContract('in memory', () => {
  const models = new InMemoryReadModels();
  return Promise.resolve({ models, second: models.another(), close: () => Promise.resolve() });
});
