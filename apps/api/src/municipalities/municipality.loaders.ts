import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Municipality } from './models/municipality.model.js';
import { MunicipalitiesService } from './municipalities.service.js';

interface Loaders {
  byId: DataLoader<string, Municipality | null>;
  byKey: DataLoader<string, Municipality | null>;
}

/** Per-request batching of parent and Land lookups in lists: one query per level, not one per row. */
@Injectable()
export class MunicipalityLoaders {
  private readonly perRequest = new WeakMap<object, Loaders>();

  constructor(private readonly municipalities: MunicipalitiesService) {}

  for(request: object): Loaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = {
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
