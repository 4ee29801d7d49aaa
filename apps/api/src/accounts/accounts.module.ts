import { Global, Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver.js';
import { AdminResolver } from './admin.resolver.js';
import { AdminService } from './admin.service.js';
import { PrivacyService } from './privacy.service.js';
import { SsoController } from './sso/sso.controller.js';
import { SsoService } from './sso/sso.service.js';
import { AccountsService } from './accounts.service.js';
import { SessionsService } from './sessions.service.js';
import { ThrottleService } from './throttle.service.js';

/** Global because the access guard and the socket handshake resolve sessions everywhere. */
@Global()
@Module({
  providers: [AccountsService, SessionsService, ThrottleService, AdminService, PrivacyService, SsoService, AccountsResolver, AdminResolver],
  controllers: [SsoController],
  exports: [SessionsService, AccountsService, ThrottleService],
})
export class AccountsModule {}
