import { SetMetadata } from '@nestjs/common';

/**
 * Who may call an operation. Every Query, Mutation and socket event declares one; an operation without a
 * declaration is refused (see AccessGuard) and fails the schema-walking test.
 * - PUBLIC: anyone, signed in or not.
 * - AUTHENTICATED: a signed-in person; finer rules (member of that municipality, its admin) are checked by
 *   the service, which knows the resource.
 * - PLATFORM_ADMIN: platform administrators only.
 */
export type AccessPolicy = 'PUBLIC' | 'AUTHENTICATED' | 'PLATFORM_ADMIN';

export const ACCESS_POLICY = 'verbund:access-policy';

export const Access = (policy: AccessPolicy) => SetMetadata(ACCESS_POLICY, policy);
