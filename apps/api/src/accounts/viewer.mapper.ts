import type { User } from '../generated/prisma/client.js';
import { PlatformRole, type Viewer } from './models/viewer.model.js';

export function toViewer(user: User): Viewer {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    platformRole: PlatformRole[user.platformRole],
  };
}
