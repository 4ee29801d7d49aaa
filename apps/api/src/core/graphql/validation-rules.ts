import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import type { AppConfig } from '../config/config.js';
import { oneCostlyMutationRule } from './one-costly-mutation.js';

/**
 * Limits on the document alone; introspection is closed in production. Cost needs the variables too and is
 * checked just before execution (`query-cost.ts`).
 */
export function validationRules(config: AppConfig): ValidationRule[] {
  const { maxDepth, maxAliases } = config.graphql;
  const rules: ValidationRule[] = [
    maxDepthRule({ n: maxDepth, exposeLimits: true, flattenFragments: true }) as unknown as ValidationRule,
    maxAliasesRule({ n: maxAliases, exposeLimits: true }) as unknown as ValidationRule,
    oneCostlyMutationRule,
  ];
  if (config.production) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}
