import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultDataDir } from './config.js';

describe('defaultDataDir', () => {
  it('finds shared/data/municipalities beside the checkout or in a parent folder', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-layout-'));
    fs.mkdirSync(path.join(root, 'shared', 'data', 'municipalities'), { recursive: true });
    fs.mkdirSync(path.join(root, 'ci', 'runs', 'checkout'), { recursive: true });
    expect(defaultDataDir(path.join(root, 'checkout'))).toBe(path.join(root, 'shared', 'data', 'municipalities'));
    expect(defaultDataDir(path.join(root, 'ci', 'runs', 'checkout'))).toBe(path.join(root, 'shared', 'data', 'municipalities'));
    fs.rmSync(root, { recursive: true, force: true });
  });
});
