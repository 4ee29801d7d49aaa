import { Global, Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { SessionsService } from './sessions.service.js';
import { ThrottleService } from './throttle.service.js';

/** Global because the access guard and the socket handshake resolve sessions everywhere. */
@Global()
@Module({
  providers: [AccountsService, SessionsService, ThrottleService, AccountsResolver],
  exports: [SessionsService, AccountsService],
})
export class AccountsModule {}
