import { Global, Module } from '@nestjs/common';
import { NotificationsPersonalData } from './notifications.personal-data.js';
import { NotificationMailer } from './notification-mailer.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

/** Global: every domain that causes notifications calls `notify(tx, …)`. */
@Global()
@Module({ providers: [NotificationsPersonalData, NotificationsService, NotificationMailer, NotificationsResolver], exports: [NotificationsService] })
export class NotificationsModule {}
