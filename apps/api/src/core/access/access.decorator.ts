import { SetMetadata } from '@nestjs/common';

/**
 * Who may call an operation. Every Query, Mutation and socket event declares one; an operation without a
 * declaration is refused (see AccessGuard) and fails the schema-walking test.
 * - PUBLIC: anyone, signed in or not.
 */
export type AccessPolicy = 'PUBLIC';

export const ACCESS_POLICY = 'verbund:access-policy';

export const Access = (policy: AccessPolicy) => SetMetadata(ACCESS_POLICY, policy);
