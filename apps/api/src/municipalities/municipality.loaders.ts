import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { MunicipalityConnection } from './models/municipality-connection.model.js';
import type { Municipality } from './models/municipality.model.js';
import { MunicipalitiesService } from './municipalities.service.js';

interface Loaders {
  byId: DataLoader<string, Municipality | null>;
  byKey: DataLoader<string, Municipality | null>;
  /** Keyed by page (`first` and `after`), then by parent: one query per page and level. */
  children(first: number, after?: string | null): DataLoader<string, MunicipalityConnection>;
}

/** Per-request batching of parent, Land and children lookups in lists: one query per level, not one per row. */
@Injectable()
export class MunicipalityLoaders {
  private readonly perRequest = new WeakMap<object, Loaders>();

  constructor(private readonly municipalities: MunicipalitiesService) {}

  for(request: object): Loaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      const pages = new Map<string, DataLoader<string, MunicipalityConnection>>();
      loaders = {
        children: (first, after) => {
          const page = `${first}:${after ?? ''}`;
          let loader = pages.get(page);
          if (!loader) {
            loader = new DataLoader(async (parentIds) => {
              const found = await this.municipalities.childrenOf(parentIds, first, after);
              return parentIds.map((id) => found.get(id)!);
            });
            pages.set(page, loader);
          }
          return loader;
        },
        byId: new DataLoader(async (ids) => {
          const found = await this.municipalities.findByIds(ids);
          return ids.map((id) => found.get(id) ?? null);
        }),
        byKey: new DataLoader(async (keys) => {
          const found = await this.municipalities.findByKeys(keys);
          return keys.map((key) => found.get(key) ?? null);
        }),
      };
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
