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
});
