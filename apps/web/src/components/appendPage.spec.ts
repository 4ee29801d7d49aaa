import { appendPage } from './appendPage';

describe('appendPage', () => {
  it('appends the next page to the nodes shown and takes the newer count', () => {
    const shown = { __typename: 'Query', materials: { __typename: 'MaterialSearchResult', totalCount: 3, nodes: [{ id: 'a' }, { id: 'b' }] } };
    const next = { __typename: 'Query', materials: { __typename: 'MaterialSearchResult', totalCount: 4, nodes: [{ id: 'c' }, { id: 'd' }] } };
    expect(appendPage('materials')(shown, { fetchMoreResult: next })).toEqual({
      __typename: 'Query',
      materials: { __typename: 'MaterialSearchResult', totalCount: 4, nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }] },
    });
    expect(shown.materials.nodes).toHaveLength(2);
  });

  it('does not repeat a node the list moved onto the next page', () => {
    const shown = { groupThreads: { totalCount: 3, nodes: [{ id: 'a' }, { id: 'b' }] } };
    const next = { groupThreads: { totalCount: 4, nodes: [{ id: 'b' }, { id: 'c' }] } };
    expect(appendPage('groupThreads')(shown, { fetchMoreResult: next }).groupThreads.nodes).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
  });
});
