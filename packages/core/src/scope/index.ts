export { OutOfScopeError, describeScope } from './errors.js';
export { organizationLayout, organizationOfStream, type Registration, type ScopeLayout } from './layout.js';
export { scopedStore, ScopedBulkImportingStore, ScopedEventStore, type OrganizationScope } from './scoped-store.js';
export { scopeRules } from './rules.js';
