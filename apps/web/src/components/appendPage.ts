type Paged<F extends string> = Record<F, { nodes: unknown[] } & Record<string, unknown>>;

const idOf = (node: unknown): unknown => (typeof node === 'object' && node !== null && 'id' in node ? node.id : undefined);

/**
 * For `fetchMore`: the next page of an offset-paged list under `field`, appended to the one already shown. A list
 * that moved in between (a thread answered, a material changed) can bring a node shown already: it is not repeated.
 */
export function appendPage<F extends string>(field: F) {
  return <Q extends Paged<F>>(previous: Q, { fetchMoreResult }: { fetchMoreResult: Q }): Q => {
    const shown = new Set<unknown>(previous[field].nodes.map(idOf).filter((id) => id !== undefined));
    const added = fetchMoreResult[field].nodes.filter((node) => !shown.has(idOf(node)));
    return { ...previous, [field]: { ...fetchMoreResult[field], nodes: [...previous[field].nodes, ...added] } };
  };
}
