import { Global, Module } from '@nestjs/common';
import { DevMailController } from './dev-mail.controller.js';
import { MailService } from './mail.service.js';

@Global()
@Module({ providers: [MailService], controllers: [DevMailController], exports: [MailService] })
export class MailModule {}
