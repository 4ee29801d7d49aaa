import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import type { AppConfig } from '../config/config.js';

/** Limits every operation must pass before it executes; introspection is closed in production. */
export function validationRules(config: AppConfig): ValidationRule[] {
  const { maxDepth, maxCost, maxAliases } = config.graphql;
  const rules: ValidationRule[] = [
    maxDepthRule({ n: maxDepth, exposeLimits: true, flattenFragments: true }) as unknown as ValidationRule,
    costLimitRule({ maxCost, exposeLimits: true }) as unknown as ValidationRule,
    maxAliasesRule({ n: maxAliases, exposeLimits: true }) as unknown as ValidationRule,
  ];
  if (config.production) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}
