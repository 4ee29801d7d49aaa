import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { Access } from '../core/access/access.decorator.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { AppInfo } from './models/app-info.model.js';
import { APP_VERSION } from './version.js';

@Resolver(() => AppInfo)
export class SystemResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Query(() => AppInfo)
  @Access('PUBLIC')
  appInfo(): AppInfo {
    return {
      name: 'Verbund',
      version: APP_VERSION,
      environment: this.config.env,
      ssoLabel: this.config.oidc?.label ?? null,
      uploadLimitBytes: this.config.files.uploadLimitBytes,
    };
  }
}
