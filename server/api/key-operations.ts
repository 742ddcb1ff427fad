// Which of the eight operations the console's own API key allows, when the console can know it
// without asking: the embedded sandbox's keys are known here (sandbox/api-keys.ts). A real
// ChatCaptain key's permissions cannot be read (the API has no "my permissions" operation), so
// upstream the answer is null and the browser learns a refusal from the first 403 of a write.
import { grantForKey } from '../sandbox/api-keys.ts';
import { OPERATIONS, type OperationName } from './operations.ts';

export function sandboxKeyOperations(apiKey: string): OperationName[] {
  const grant = grantForKey(apiKey);
  if (grant === undefined) return [];
  return OPERATIONS.filter((operation) => grant.permissions.has(operation.permission)).map(
    (operation) => operation.name,
  );
}
