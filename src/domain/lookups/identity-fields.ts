/**
 * What an identity (caller-ID) source may tell us about a caller; POST /v1/identify fills the
 * prospect's missing fields from these.
 */
export const IDENTITY_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'companyName',
  'companyDomain',
  'address',
  'lineType',
] as const;

export type IdentityField = (typeof IDENTITY_FIELDS)[number];
