import {
  getNamedType,
  getVariableValues,
  GraphQLError,
  isListType,
  isNonNullType,
  Kind,
  valueFromAST,
  visit as visitAst,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type GraphQLCompositeType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface QueryCostLimits {
  /** Fields resolved, each weighted by the page sizes of the lists above it. */
  maxCost: number;
  /** Objects the answer may hold at most: every list counts its effective page size. */
  maxNodes: number;
  /** Size assumed for a list field without a `first` argument. */
  listEstimate: number;
}

export interface QueryCost {
  cost: number;
  nodes: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  limits: QueryCostLimits;
  total: QueryCost;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** The page size the resolver will really use: a literal, a variable, or the argument's default. */
function pageSize(field: GraphQLField<unknown, unknown>, args: readonly { name: { value: string }; value: unknown }[], walk: Walk): number | null {
  const definition = field.args.find((a) => a.name === 'first');
  if (!definition) return null;
  const given = args.find((a) => a.name.value === 'first');
  // A variable the request leaves out (and that has no default of its own) leaves the argument's default.
  const value = given ? valueFromAST(given.value as Parameters<typeof valueFromAST>[0], definition.type, walk.variables) : undefined;
  const size = typeof value === 'number' && value > 0 ? value : definition.defaultValue;
  return typeof size === 'number' && size > 0 ? size : walk.limits.listEstimate;
}

function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return 'getFields' in parent ? parent.getFields()[name] : undefined;
}

/**
 * Adds the cost of a selection set reached `multiplier` times. A list directly inside a paginated field
 * (a connection's `nodes`) is the page itself and does not multiply again.
 */
function visit(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, insidePage: boolean, walk: Walk): void {
  for (const selection of selectionSet.selections) {
    if (walk.total.cost > walk.limits.maxCost || walk.total.nodes > walk.limits.maxNodes) return;
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (fragment && type) visit(fragment.selectionSet, type as GraphQLCompositeType, multiplier, insidePage, walk);
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (type) visit(selection.selectionSet, type as GraphQLCompositeType, multiplier, insidePage, walk);
      continue;
    }
    walk.total.cost += multiplier;
    const field = fieldOf(parent, selection.name.value);
    if (!field || !selection.selectionSet) continue;
    const page = pageSize(field, selection.arguments ?? [], walk);
    const size = page ?? (isList(field.type) && !insidePage ? walk.limits.listEstimate : 1);
    const reached = multiplier * size;
    walk.total.nodes += reached;
    visit(selection.selectionSet, getNamedType(field.type) as GraphQLCompositeType, reached, page !== null && !isList(field.type), walk);
  }
}

/**
 * The cost of the costliest operation in the document, with the request's variables (whichever of them the
 * request names is bounded by it; a variable left out counts with its default, as the resolver will see it).
 * Stops counting once over a limit.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, limits: QueryCostLimits): QueryCost {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const pageVariables = new Set(pageVariablesOf(document));
  const worst: QueryCost = { cost: 0, nodes: 0 };
  for (const operation of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
    const pageSizes = pageSizesOf(schema, operation, pageVariables, variables);
    const { cost, nodes } = operationCost(schema, operation, fragments, pageSizes, limits);
    worst.cost = Math.max(worst.cost, cost);
    worst.nodes = Math.max(worst.nodes, nodes);
  }
  return worst;
}

/**
 * The page-size variables as execution coerces them, defaults filled in. Only these: the cost depends on nothing
 * else, and is remembered by them. A page size execution would refuse is counted as given (it never runs).
 */
function pageSizesOf(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  pageVariables: Set<string>,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const definitions = (operation.variableDefinitions ?? []).filter((d) => pageVariables.has(d.variable.name.value));
  return getVariableValues(schema, definitions, variables ?? {}).coerced ?? variables ?? {};
}

function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  limits: QueryCostLimits,
): QueryCost {
  const walk: Walk = { schema, fragments, variables, limits, total: { cost: 0, nodes: 0 } };
  const root = schema.getRootType(operation.operation);
  if (root) visit(operation.selectionSet, root, 1, false, walk);
  return walk.total;
}

interface KnownCosts {
  schema: GraphQLSchema;
  limits: QueryCostLimits;
  /** The variables the cost depends on: those given as a page size. */
  pageVariables: string[];
  byPageSizes: Map<string, QueryCost>;
}

/** Page-size combinations remembered per document; others are counted afresh each time. */
const MAX_KNOWN_PAGE_SIZES = 16;

/**
 * Costs already counted, per parsed document: Mercurius hands the hook the same document for the same query
 * text from its cache, so a query the web app repeats is walked once per combination of page sizes.
 */
const known = new WeakMap<DocumentNode, KnownCosts>();

function pageVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visitAst(document, {
    Argument(argument) {
      if (argument.name.value === 'first' && argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return [...names];
}

/** The cost as `queryCost` counts it, remembered for the document and the page sizes the request gives. */
function knownQueryCost(...args: Parameters<typeof queryCost>): QueryCost {
  const [schema, document, variables, limits] = args;
  let entry = known.get(document);
  if (entry?.schema !== schema || entry.limits !== limits) {
    entry = { schema, limits, pageVariables: pageVariablesOf(document), byPageSizes: new Map() };
    known.set(document, entry);
  }
  const given = entry.pageVariables.map((name) => variables?.[name]);
  // Only page sizes a request may really give are remembered: a string or a huge number is counted afresh (and
  // refused by execution), so that no such value becomes a key.
  if (!given.every((value) => value === undefined || value === null || Number.isSafeInteger(value))) return queryCost(...args);
  const key = given.map(String).join(',');
  let cost = entry.byPageSizes.get(key);
  if (!cost) {
    cost = queryCost(...args);
    if (entry.byPageSizes.size < MAX_KNOWN_PAGE_SIZES) entry.byPageSizes.set(key, cost);
  }
  return cost;
}

/** Refuses an operation over either budget before anything runs, naming the limit it exceeds. */
export function assertQueryCost(...args: Parameters<typeof queryCost>): void {
  const limits = args[3];
  const { cost, nodes } = knownQueryCost(...args);
  if (nodes > limits.maxNodes) {
    throw new GraphQLError(`Die Anfrage würde zu viele Objekte liefern (Grenze: ${limits.maxNodes}). Bitte fragen Sie kleinere Seiten ab.`, {
      extensions: { code: 'BAD_USER_INPUT', details: { limit: 'maxNodes', max: limits.maxNodes } },
    });
  }
  if (cost > limits.maxCost) {
    throw new GraphQLError(`Die Anfrage ist zu aufwendig (Kostengrenze: ${limits.maxCost}). Bitte fragen Sie weniger Felder oder kleinere Seiten ab.`, {
      extensions: { code: 'BAD_USER_INPUT', details: { limit: 'maxCost', max: limits.maxCost } },
    });
  }
}
