import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../core/access/access.decorator.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import { AdminService } from './admin.service.js';
import { AuditLogArgs, DeleteMyAccountInput, SetPlatformRoleInput } from './dto/admin.inputs.js';
import { AuditEventEntry, PersonAccount } from './models/audit-event.model.js';
import { PrivacyService } from './privacy.service.js';
import { SessionsService } from './sessions.service.js';

@Resolver()
export class AdminResolver {
  constructor(
    private readonly admin: AdminService,
    private readonly privacy: PrivacyService,
    private readonly sessions: SessionsService,
  ) {}

  @Query(() => [AuditEventEntry], { description: 'Newest first.' })
  @Access('PLATFORM_ADMIN')
  auditLog(@Args() args: AuditLogArgs): Promise<AuditEventEntry[]> {
    return this.admin.auditLog(args);
  }

  @Query(() => [PersonAccount], { description: 'Find people by name or email (at most 50).' })
  @Access('PLATFORM_ADMIN')
  accounts(@Args('search', { type: () => String }) search: string): Promise<PersonAccount[]> {
    return this.admin.people(search);
  }

  @Mutation(() => PersonAccount)
  @Access('PLATFORM_ADMIN')
  async setPlatformRole(@Args('input') input: SetPlatformRoleInput, @Http() { req }: RequestContext): Promise<PersonAccount> {
    return this.admin.setPlatformRole(await this.sessions.requireUser(req), input, req.ip);
  }

  @Query(() => String, { description: 'Everything stored about the signed-in person, as a JSON document (GDPR Art. 15/20).' })
  @Access('AUTHENTICATED')
  async myData(@Http() { req }: RequestContext): Promise<string> {
    return this.privacy.export(await this.sessions.requireUser(req), req.ip);
  }

  @Mutation(() => Boolean, { description: 'Deletes the account and personal data (GDPR Art. 17).' })
  @Access('AUTHENTICATED')
  async deleteMyAccount(@Args('input') input: DeleteMyAccountInput, @Http() { req, reply }: RequestContext): Promise<boolean> {
    await this.privacy.deleteAccount(await this.sessions.requireUser(req), input, req, reply);
    return true;
  }
}
