import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../core/access/access.decorator.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import { AccountsService } from './accounts.service.js';
import { ChangePasswordInput, LoginInput, RegisterInput, RequestEmailChangeInput, ResetPasswordInput } from './dto/account.inputs.js';
import { Viewer } from './models/viewer.model.js';
import { SessionsService } from './sessions.service.js';
import { toViewer } from './viewer.mapper.js';

@Resolver()
export class AccountsResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
  ) {}

  @Query(() => Viewer, { nullable: true, description: 'The signed-in person; null for guests.' })
  @Access('PUBLIC')
  async me(@Http() { req }: RequestContext): Promise<Viewer | null> {
    const viewer = await this.sessions.viewer(req);
    return viewer ? toViewer(viewer.user) : null;
  }

  @Mutation(() => String, { description: 'Always the same answer, whether or not the email is registered.' })
  @Access('PUBLIC')
  register(@Args('input') input: RegisterInput, @Http() { req }: RequestContext): Promise<string> {
    return this.accounts.register(input, req.ip);
  }

  @Mutation(() => Boolean)
  @Access('PUBLIC')
  async verifyEmail(@Args('token') token: string, @Http() { req }: RequestContext): Promise<boolean> {
    await this.accounts.verifyEmail(token, req.ip);
    return true;
  }

  @Mutation(() => Viewer, { description: 'Starts a session (cookie). 429 with Retry-After after repeated failures.' })
  @Access('PUBLIC')
  async login(@Args('input') input: LoginInput, @Http() { req, reply }: RequestContext): Promise<Viewer> {
    return toViewer(await this.accounts.login(input, req, reply));
  }

  @Mutation(() => Boolean)
  @Access('PUBLIC')
  async logout(@Http() { req, reply }: RequestContext): Promise<boolean> {
    await this.accounts.logout(req, reply);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Ends every session and open connection of the signed-in person.' })
  @Access('AUTHENTICATED')
  async logoutEverywhere(@Http() { req, reply }: RequestContext): Promise<boolean> {
    await this.accounts.logoutEverywhere(req, reply);
    return true;
  }

  @Mutation(() => String, { description: 'Always the same answer, whether or not the email is registered.' })
  @Access('PUBLIC')
  requestPasswordReset(@Args('email') email: string, @Http() { req }: RequestContext): Promise<string> {
    return this.accounts.requestPasswordReset(email, req.ip);
  }

  @Mutation(() => Boolean)
  @Access('PUBLIC')
  async resetPassword(@Args('input') input: ResetPasswordInput, @Http() { req }: RequestContext): Promise<boolean> {
    await this.accounts.resetPassword(input, req.ip);
    return true;
  }

  @Mutation(() => Boolean)
  @Access('AUTHENTICATED')
  async changePassword(@Args('input') input: ChangePasswordInput, @Http() { req, reply }: RequestContext): Promise<boolean> {
    await this.accounts.changePassword(input, req, reply);
    return true;
  }

  @Mutation(() => String, { description: 'Mails a confirmation link to the new address.' })
  @Access('AUTHENTICATED')
  requestEmailChange(@Args('input') input: RequestEmailChangeInput, @Http() { req }: RequestContext): Promise<string> {
    return this.accounts.requestEmailChange(input, req);
  }

  @Mutation(() => Boolean)
  @Access('PUBLIC')
  async confirmEmailChange(@Args('token') token: string, @Http() { req }: RequestContext): Promise<boolean> {
    await this.accounts.confirmEmailChange(token, req.ip);
    return true;
  }
}
