// The API's types that components render, for components to import: they render what they are
// given and may not import src/api itself (eslint.config.js). Defined in src/api, re-exported here.
export type { AuditEntry } from '../../api/audit/audit.ts';
export type { BulkItem, BulkJob, BulkPreview } from '../../api/cleanup/bulk.ts';
export type { DataQuality, Finding, ScanJob } from '../../api/cleanup/dataQuality.ts';
export type { Address, Contact, Organization } from '../../api/types.ts';
