import { readBundle } from '../../municipalities/import/bundle.js';
import { BUNDLED_DATA_DIR, loadConfig } from './config.js';

describe('the municipality bundle of a fresh clone', () => {
  it('is the repository’s own data/municipalities unless VERBUND_DATA_DIR says otherwise', () => {
    expect(loadConfig({}).municipalityDataDir).toBe(BUNDLED_DATA_DIR);
    expect(loadConfig({ VERBUND_DATA_DIR: '/srv/bundle-2025' }).municipalityDataDir).toBe('/srv/bundle-2025');
  });

  it('holds the whole official directory', () => {
    const bundle = readBundle(BUNDLED_DATA_DIR);
    expect(bundle.laender).toHaveLength(16);
    expect(bundle.kreise).toHaveLength(400);
    expect(bundle.gemeinden).toHaveLength(10_754);
    expect(bundle.kreiseAdjacency).toHaveLength(1_040);
    expect(bundle.gemeindenAdjacency).toHaveLength(30_010);
    expect(bundle.gemeinden.reduce((sum, g) => sum + g.population, 0)).toBe(84_669_326);
  });
});
