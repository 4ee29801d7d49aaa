type Paged<F extends string> = Record<F, { nodes: unknown[] } & Record<string, unknown>>;

/** For `fetchMore`: the next page of an offset-paged list under `field`, appended to the one already shown. */
export function appendPage<F extends string>(field: F) {
  return <Q extends Paged<F>>(previous: Q, { fetchMoreResult }: { fetchMoreResult: Q }): Q => ({
    ...previous,
    [field]: { ...fetchMoreResult[field], nodes: [...previous[field].nodes, ...fetchMoreResult[field].nodes] },
  });
}
