import { Injectable } from '@nestjs/common';
import { PersonalDataRegistry } from '../core/privacy/personal-data.js';

/**
 * Materials' part of a person's data. Materials belong to their organisation and stay, versions and "useful for
 * us" marks included; the person's name leaves them (the foreign keys set it to null). Unused uploads go, files too.
 */
@Injectable()
export class MaterialsPersonalData {
  constructor(registry: PersonalDataRegistry) {
    registry.register({
      key: 'materialVersions',
      export: (db, user) =>
        db.materialVersion.findMany({
          where: { createdById: user.id },
          select: { number: true, fileName: true, note: true, createdAt: true, material: { select: { title: true } } },
        }),
      erase: async (tx, user) => (await tx.upload.findMany({ where: { userId: user.id }, select: { storageKey: true } })).map((u) => u.storageKey),
    });
  }
}
