import { docFromText, type SectionSnapshot } from './section-content.js';
import { compareWithUpstream, isPending, type LocalSection } from './upstream-changes.js';

const section = (id: string, title: string, text: string, position = 0): SectionSnapshot => ({
  id,
  position,
  title,
  content: docFromText(text),
  text,
  measures: [],
});
const local = (id: string, upstream: SectionSnapshot, text: string, baseVersion = 1, removed = false): LocalSection => ({
  snapshot: { ...upstream, id, text },
  upstreamSectionId: upstream.id,
  baseVersion,
  removed,
});

describe('comparing an adaptation with its upstream, section by section', () => {
  const a1 = section('ua', 'Leitbild', 'Vielfalt als Stärke');
  const b1 = section('ub', 'Sprache', 'Kurse für alle');
  const c1 = section('uc', 'Arbeit', 'Jobcenter und Kammern');
  const d1 = section('ud', 'Wohnen', 'Dezentral');
  const v1 = [a1, b1, c1, d1];
  const v2 = [
    { ...a1, text: 'Vielfalt als Stärke und Auftrag' },
    { ...b1, text: 'Kurse für alle, auch abends' },
    c1,
    d1,
    section('ue', 'Gesundheit', 'Sprachmittlung'),
  ];

  it('tells upstream-only, local-only and both-sides changes apart, and finds new upstream sections', () => {
    const mine = [
      local('la', a1, a1.text),
      local('lb', b1, 'Kurse für alle, mit Kinderbetreuung'),
      local('lc', c1, 'Jobcenter, Kammern und Ausländerbehörde'),
      local('ld', d1, d1.text),
    ];
    const result = compareWithUpstream(
      mine,
      new Map([
        [1, v1],
        [2, v2],
      ]),
      2,
    );
    expect(result.map((r) => [r.id, r.state, r.addedUpstream])).toEqual([
      ['la', 'UPSTREAM_CHANGED', false],
      ['lb', 'BOTH_CHANGED', false],
      ['lc', 'LOCAL_CHANGED', false],
      ['ld', 'UNCHANGED', false],
      ['ue', 'UPSTREAM_CHANGED', true],
    ]);
    expect(result.filter(isPending).map((r) => r.id)).toEqual(['la', 'lb', 'ue']);
  });

  it('a section aligned with the latest version has nothing pending, even if it differs locally', () => {
    const mine = [local('lb', b1, 'Kurse für alle, mit Kinderbetreuung', 2)];
    const [b] = compareWithUpstream(
      mine,
      new Map([
        [1, v1],
        [2, v2],
      ]),
      2,
    );
    expect(b!.state).toBe('LOCAL_CHANGED');
  });

  it('a section removed upstream is a change upstream; removed on both sides it is settled', () => {
    const v3 = v2.filter((s) => s.id !== 'ud');
    const kept = compareWithUpstream(
      [local('ld', d1, d1.text)],
      new Map([
        [1, v1],
        [3, v3],
      ]),
      3,
    );
    expect(kept.find((r) => r.id === 'ld')).toMatchObject({ state: 'UPSTREAM_CHANGED', removedUpstream: true });
    const gone = compareWithUpstream(
      [local('ld', d1, d1.text, 1, true)],
      new Map([
        [1, v1],
        [3, v3],
      ]),
      3,
    );
    expect(gone.find((r) => r.id === 'ld')).toBeUndefined();
  });

  it('a section removed locally counts as a local change; a changed title or measure counts too', () => {
    const [removed] = compareWithUpstream([local('la', a1, a1.text, 1, true)], new Map([[1, v1]]), 1);
    expect(removed!.state).toBe('LOCAL_CHANGED');
    const renamed: LocalSection = { snapshot: { ...a1, id: 'la', title: 'Unser Leitbild' }, upstreamSectionId: 'ua', baseVersion: 1, removed: false };
    expect(compareWithUpstream([renamed], new Map([[1, v1]]), 1)[0]!.state).toBe('LOCAL_CHANGED');
    const measured: LocalSection = {
      snapshot: {
        ...a1,
        id: 'la',
        measures: [{ id: 'm', title: 'Willkommensmappe', responsible: '', partners: '', timeline: '', indicator: '', status: 'PLANNED' }],
      },
      upstreamSectionId: 'ua',
      baseVersion: 1,
      removed: false,
    };
    expect(compareWithUpstream([measured], new Map([[1, v1]]), 1)[0]!.state).toBe('LOCAL_CHANGED');
  });
});
