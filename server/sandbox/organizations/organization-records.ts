import type {
  AddressDto,
  CreateOrganizationRequestDto,
  OrganizationDto,
  UpdateOrganizationDto,
} from '../types.ts';

const ADDRESS_FIELDS: readonly (keyof AddressDto)[] = [
  'street',
  'houseNumber',
  'zipcode',
  'location',
  'country',
];

/**
 * Empty strings: an optional string field (`email`, `website`, `industry`, an address field)
 * given as "" is treated as "no value" and left out of the record, at create and at update. That
 * is how a PATCH clears a field (the contract has no null and omitting keeps the value), and it
 * keeps "" and "absent" from becoming two states a reader must tell apart. `name` is required and
 * variable values are data, so those keep "" as given.
 */
export function organizationFromCreate(
  request: CreateOrganizationRequestDto,
  id: string,
  nowMs: number,
): OrganizationDto {
  const now = new Date(nowMs).toISOString();
  return assemble({
    id,
    name: request.name,
    email: request.email,
    website: request.website,
    size: request.size,
    industry: request.industry,
    address: request.address,
    variables: {},
    created: now,
    updated: now,
  });
}

/**
 * PATCH semantics: omitted fields keep their values; a given `address` replaces the stored one
 * as a whole; `variables` (required by the contract) replaces the stored map, so a variable can
 * be removed (docs/API-NOTES.md: the real API may merge instead). `updated` moves forward on every
 * update, even two within one millisecond, so a client can tell the versions apart.
 */
export function organizationWithUpdate(
  stored: OrganizationDto,
  update: UpdateOrganizationDto,
  nowMs: number,
): OrganizationDto {
  const updatedMs = Math.max(nowMs, Date.parse(stored.updated) + 1);
  return assemble({
    id: stored.id,
    name: update.name ?? stored.name,
    email: update.email ?? stored.email,
    website: update.website ?? stored.website,
    size: update.size ?? stored.size,
    industry: update.industry ?? stored.industry,
    address: update.address ?? stored.address,
    variables: update.variables,
    created: stored.created,
    updated: new Date(updatedMs).toISOString(),
  });
}

/** One field order for every stored record, without empty optional strings. */
function assemble(fields: OrganizationDto): OrganizationDto {
  const organization: OrganizationDto = {
    id: fields.id,
    name: fields.name,
    created: fields.created,
    updated: fields.updated,
    variables: { ...fields.variables },
  };
  if (fields.email) organization.email = fields.email;
  if (fields.website) organization.website = fields.website;
  if (fields.size !== undefined) organization.size = fields.size;
  if (fields.industry) organization.industry = fields.industry;
  const address = nonEmptyAddress(fields.address);
  if (address) organization.address = address;
  return organization;
}

function nonEmptyAddress(address: AddressDto | undefined): AddressDto | undefined {
  if (!address) return undefined;
  const kept = ADDRESS_FIELDS.filter((field) => address[field]).map(
    (field) => [field, address[field]] as const,
  );
  return kept.length === 0 ? undefined : (Object.fromEntries(kept) as AddressDto);
}
