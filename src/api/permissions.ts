// The permission each operation needs, from the table in docs/API-NOTES.md (ChatCaptain's reference
// names them in each operation's description), and how to say it to a person.

export type Permission =
  | 'chatbots.organizations.list'
  | 'chatbots.organizations.create'
  | 'chatbots.organizations.get'
  | 'chatbots.organizations.edit'
  | 'chatbots.organizations.delete'
  | 'chatbots.organizations.contacts.list';

/** Every call the console makes; the eight API operations plus the console server's config. */
export type OperationName =
  | 'listOrganizations'
  | 'createOrganization'
  | 'searchOrganizations'
  | 'getOrganization'
  | 'updateOrganization'
  | 'deleteOrganization'
  | 'listOrganizationContacts'
  | 'countOrganizationContacts'
  | ConsoleServerOperationName;

/** The console server's own routes (`/console/*`): no ChatCaptain permission applies. */
export type ConsoleServerOperationName =
  | 'getConsoleConfig'
  | 'getConsoleSession'
  | 'signOut'
  | 'listAuditEntries'
  | 'listPins'
  | 'pinOrganization'
  | 'unpinOrganization'
  | DataQualityOperationName
  | BulkOperationName
  | 'redeemFrameSignInCode';

/** The data-quality routes' calls: labelled by dataQuality.ts, which loads with their page. */
export type DataQualityOperationName =
  | 'getDataQuality'
  | 'listFindings'
  | 'startScan'
  | 'cancelScan'
  | 'exportCsv'
  | 'getDuplicateGroup';

/** The bulk-action routes' calls: labelled by bulk.ts, which loads with the bulk-action panel. */
export type BulkOperationName =
  | 'previewBulkAction'
  | 'startBulkJob'
  | 'getBulkJob'
  | 'listBulkJobItems'
  | 'cancelBulkJob'
  | 'undoBulkJob';

/** Operations whose labels come with their lazily loaded module (addOperationLabels). */
type LaterOperationName =
  | DataQualityOperationName
  | BulkOperationName
  // Labelled by frameSignIn.ts, which only the framed lookup calls.
  | 'redeemFrameSignInCode';

export type ApiOperationName = Exclude<OperationName, ConsoleServerOperationName>;

export const OPERATION_PERMISSIONS: Readonly<Record<ApiOperationName, Permission>> = {
  listOrganizations: 'chatbots.organizations.list',
  createOrganization: 'chatbots.organizations.create',
  searchOrganizations: 'chatbots.organizations.list',
  getOrganization: 'chatbots.organizations.get',
  updateOrganization: 'chatbots.organizations.edit',
  deleteOrganization: 'chatbots.organizations.delete',
  listOrganizationContacts: 'chatbots.organizations.contacts.list',
  countOrganizationContacts: 'chatbots.organizations.contacts.list',
};

const PERMISSION_LABELS: Readonly<Record<Permission, string>> = {
  'chatbots.organizations.list': 'list and search organizations',
  'chatbots.organizations.create': 'create organizations',
  'chatbots.organizations.get': 'view organizations',
  'chatbots.organizations.edit': 'edit organizations',
  'chatbots.organizations.delete': 'delete organizations',
  'chatbots.organizations.contacts.list': 'view the contacts of organizations',
};

/** What a person is doing when the console calls the operation, for error messages. */
const OPERATION_LABELS: Readonly<Record<Exclude<OperationName, LaterOperationName>, string>> = {
  listOrganizations: 'load organizations',
  createOrganization: 'create the organization',
  searchOrganizations: 'search organizations',
  getOrganization: 'load the organization',
  updateOrganization: 'save the organization',
  deleteOrganization: 'delete the organization',
  listOrganizationContacts: 'load the contacts',
  countOrganizationContacts: 'count the contacts',
  getConsoleConfig: 'load the console settings',
  getConsoleSession: 'load who is signed in',
  signOut: 'sign out',
  listAuditEntries: 'load the audit trail',
  listPins: 'load your pinned organizations',
  pinOrganization: 'pin the organization',
  unpinOrganization: 'unpin the organization',
};

// Labels of operations whose module loads later (a lazily loaded page's), kept out of the list
// page's first JS (its budget): that module adds them when it loads, before it calls anything.
const laterLabels: Partial<Record<OperationName, string>> = {};

export function addOperationLabels<Name extends LaterOperationName>(
  labels: Readonly<Record<Name, string>>,
) {
  Object.assign(laterLabels, labels);
}

/** The permission an operation needs; undefined for the console server's own routes. */
export function permissionForOperation(operation: OperationName): Permission | undefined {
  return Object.hasOwn(OPERATION_PERMISSIONS, operation)
    ? OPERATION_PERMISSIONS[operation as ApiOperationName]
    : undefined;
}

/** "edit organizations": the permission in plain words. */
export function permissionLabel(permission: Permission): string {
  return PERMISSION_LABELS[permission];
}

/** "save the organization": the operation as a person's action. */
export function operationLabel(operation: OperationName): string {
  return (
    (OPERATION_LABELS as Partial<Record<OperationName, string>>)[operation] ??
    laterLabels[operation] ??
    'complete the request'
  );
}
