/** What each role may do; each role can do everything the roles before it can. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleAllows(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

/** Who a request acts as: a named credential, or the bootstrap admin of ADMIN_TOKEN. */
export interface Principal {
  credentialId: string;
  credentialName: string;
  role: Role;
}

/** ADMIN_TOKEN's principal: not a row, so it cannot be revoked (rotate the variable instead). */
export const BOOTSTRAP_ADMIN: Principal = Object.freeze({
  credentialId: 'admin-token',
  credentialName: 'ADMIN_TOKEN',
  role: 'admin',
});
