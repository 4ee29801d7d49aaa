import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import { Language, NotificationConnection, NotificationKind, NotificationPreference, NotificationPreferenceInput } from './models/notification.model.js';
import { NotificationsService } from './notifications.service.js';

@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly sessions: SessionsService,
  ) {}

  @Query(() => NotificationConnection, { description: "The signed-in person's notifications, newest first." })
  @Access('AUTHENTICATED')
  async notifications(
    @Http() { req }: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean | null,
  ): Promise<NotificationConnection> {
    return this.service.list(await this.sessions.requireUser(req), first ?? 20, after, unreadOnly ?? false);
  }

  @Query(() => Int)
  @Access('AUTHENTICATED')
  async unreadNotificationCount(@Http() { req }: RequestContext): Promise<number> {
    return this.service.unreadCount(await this.sessions.requireUser(req));
  }

  @Mutation(() => Int, { description: 'Marks these of your notifications read; answers how many stay unread.' })
  @Access('AUTHENTICATED')
  async markNotificationsRead(@Http() { req }: RequestContext, @Args('ids', { type: () => [ID] }) ids: string[]): Promise<number> {
    return this.service.markRead(await this.sessions.requireUser(req), ids);
  }

  @Mutation(() => Int, { description: 'Marks all your notifications read; answers 0.' })
  @Access('AUTHENTICATED')
  async markAllNotificationsRead(@Http() { req }: RequestContext): Promise<number> {
    return this.service.markRead(await this.sessions.requireUser(req), null);
  }

  @Query(() => [NotificationPreference], { description: 'How each kind of notification reaches you.' })
  @Access('AUTHENTICATED')
  async notificationPreferences(@Http() { req }: RequestContext): Promise<NotificationPreference[]> {
    return this.service.preferences(await this.sessions.requireUser(req));
  }

  @Mutation(() => [NotificationPreference])
  @Access('AUTHENTICATED')
  async setNotificationPreference(@Http() { req }: RequestContext, @Args('input') input: NotificationPreferenceInput): Promise<NotificationPreference[]> {
    return this.service.setPreference(await this.sessions.requireUser(req), input.kind, input.channel);
  }

  @Mutation(() => Boolean, { description: 'The language of your mails and notification texts.' })
  @Access('AUTHENTICATED')
  async setPreferredLanguage(@Http() { req }: RequestContext, @Args('language', { type: () => Language }) language: Language): Promise<boolean> {
    return this.service.setLanguage(await this.sessions.requireUser(req), language);
  }

  @Mutation(() => NotificationKind, { description: "From a mail's unsubscribe link, without signing in: that kind no longer comes by mail." })
  @Access('PUBLIC')
  unsubscribeNotifications(@Args('token') token: string): Promise<NotificationKind> {
    return this.service.unsubscribe(token);
  }
}
