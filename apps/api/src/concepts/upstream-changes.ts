import { type SectionSnapshot, sameSection } from './section-content.js';

export type ChangeState = 'UNCHANGED' | 'UPSTREAM_CHANGED' | 'LOCAL_CHANGED' | 'BOTH_CHANGED';

export interface LocalSection {
  snapshot: SectionSnapshot;
  upstreamSectionId: string | null;
  /** The upstream version this section was last aligned with. */
  baseVersion: number | null;
  removed: boolean;
}

export interface SectionComparison {
  /** The local section, or for a section new upstream, the upstream one. */
  id: string;
  title: string;
  upstreamSectionId: string;
  state: ChangeState;
  addedUpstream: boolean;
  removedUpstream: boolean;
  base: SectionSnapshot | null;
  upstream: SectionSnapshot | null;
  local: SectionSnapshot | null;
}

export const isPending = (c: Pick<SectionComparison, 'state'>) => c.state === 'UPSTREAM_CHANGED' || c.state === 'BOTH_CHANGED';

/**
 * Three-way comparison per section: the upstream section when this one was last aligned (base), the upstream's
 * latest published version, and the local working state. Changed upstream = base ≠ latest; changed locally =
 * base ≠ local (a section removed locally counts as changed). Sections new upstream since the adaptation are
 * changes upstream; sections only the adaptation has are not part of the comparison.
 */
export function compareWithUpstream(local: LocalSection[], versions: Map<number, SectionSnapshot[]>, latestVersion: number): SectionComparison[] {
  const latest = versions.get(latestVersion) ?? [];
  const find = (version: number | null, id: string) => (version === null ? undefined : versions.get(version)?.find((s) => s.id === id));
  const linked = new Set(local.map((l) => l.upstreamSectionId).filter((id): id is string => id !== null));
  const result: SectionComparison[] = [];

  for (const section of local) {
    if (!section.upstreamSectionId) continue;
    const base = find(section.baseVersion, section.upstreamSectionId) ?? null;
    const upstream = latest.find((s) => s.id === section.upstreamSectionId) ?? null;
    if (section.removed && !upstream) continue;
    const upstreamChanged = !upstream || !base || !sameSection(base, upstream);
    const localChanged = section.removed || !base || !sameSection(base, section.snapshot);
    result.push({
      id: section.snapshot.id,
      title: section.snapshot.title,
      upstreamSectionId: section.upstreamSectionId,
      state: upstreamChanged ? (localChanged ? 'BOTH_CHANGED' : 'UPSTREAM_CHANGED') : localChanged ? 'LOCAL_CHANGED' : 'UNCHANGED',
      addedUpstream: false,
      removedUpstream: !upstream,
      base,
      upstream,
      local: section.removed ? null : section.snapshot,
    });
  }
  for (const upstream of latest) {
    if (linked.has(upstream.id)) continue;
    result.push({
      id: upstream.id,
      title: upstream.title,
      upstreamSectionId: upstream.id,
      state: 'UPSTREAM_CHANGED',
      addedUpstream: true,
      removedUpstream: false,
      base: null,
      upstream,
      local: null,
    });
  }
  return result;
}
