import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext } from 'graphql';

/** Mutations that hash a password or mail an address the caller names: aliases must not multiply them. */
export const COSTLY_MUTATIONS = new Set([
  'register',
  'login',
  'requestPasswordReset',
  'resetPassword',
  'changePassword',
  'requestEmailChange',
  'deleteMyAccount',
  'inviteToGroup',
]);

function costlyFields(selectionSet: SelectionSetNode, context: ValidationContext, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return COSTLY_MUTATIONS.has(selection.name.value) ? [selection.name.value] : [];
    if (selection.kind === Kind.INLINE_FRAGMENT) return costlyFields(selection.selectionSet, context, seen);
    const fragment = context.getFragment(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return [];
    seen.add(fragment.name.value);
    return costlyFields(fragment.selectionSet, context, seen);
  });
}

/** At most one password or mail mutation per request. */
export function oneCostlyMutationRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation !== 'mutation') return;
      const found = costlyFields(node.selectionSet, context);
      if (found.length > 1) {
        context.reportError(
          new GraphQLError(`Höchstens eine dieser Aktionen pro Anfrage: ${[...new Set(found)].join(', ')}.`, {
            nodes: [node],
            extensions: { code: 'BAD_USER_INPUT', details: { limit: 'oneCostlyMutation' } },
          }),
        );
      }
    },
  };
}
