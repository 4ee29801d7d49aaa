-- CreateEnum
CREATE TYPE "MunicipalityKind" AS ENUM ('LAND', 'KREISFREIE_STADT', 'LANDKREIS', 'GEMEINDE');

-- CreateEnum
CREATE TYPE "BorderLevel" AS ENUM ('LAND', 'KREIS', 'GEMEINDE');

-- CreateTable
CREATE TABLE "Municipality" (
    "id" UUID NOT NULL,
    "ags" TEXT NOT NULL,
    "ars" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "kind" "MunicipalityKind" NOT NULL,
    "designation" TEXT NOT NULL,
    "title" TEXT,
    "isLand" BOOLEAN NOT NULL DEFAULT false,
    "isKreis" BOOLEAN NOT NULL DEFAULT false,
    "isGemeinde" BOOLEAN NOT NULL DEFAULT false,
    "landCode" TEXT NOT NULL,
    "parentId" UUID,
    "verbandArs" TEXT,
    "verbandName" TEXT,
    "nuts3" TEXT,
    "population" INTEGER NOT NULL,
    "areaKm2" DOUBLE PRECISION NOT NULL,
    "postcode" TEXT,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "nameKey" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "gebietsstand" DATE NOT NULL,
    "populationAt" DATE NOT NULL,
    "retiredAt" TIMESTAMP(3),
    "successorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MunicipalityKey" (
    "key" TEXT NOT NULL,
    "municipalityId" UUID NOT NULL,

    CONSTRAINT "MunicipalityKey_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "MunicipalityBorder" (
    "level" "BorderLevel" NOT NULL,
    "fromId" UUID NOT NULL,
    "toId" UUID NOT NULL,
    "viaAgs" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "MunicipalityBorder_pkey" PRIMARY KEY ("level","fromId","toId","viaAgs")
);

-- CreateTable
CREATE TABLE "DirectoryImport" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "gebietsstand" DATE NOT NULL,
    "checksum" TEXT NOT NULL,
    "counts" JSONB NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DirectoryImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_ags_key" ON "Municipality"("ags");

-- CreateIndex
CREATE INDEX "Municipality_parentId_idx" ON "Municipality"("parentId");

-- CreateIndex
CREATE INDEX "Municipality_landCode_kind_idx" ON "Municipality"("landCode", "kind");

-- CreateIndex
CREATE INDEX "Municipality_kind_population_idx" ON "Municipality"("kind", "population");

-- CreateIndex
CREATE INDEX "Municipality_latitude_longitude_idx" ON "Municipality"("latitude", "longitude");

-- CreateIndex
CREATE INDEX "Municipality_postcode_idx" ON "Municipality"("postcode");

-- CreateIndex
CREATE INDEX "Municipality_nameKey_idx" ON "Municipality"("nameKey");

-- CreateIndex
CREATE INDEX "Municipality_searchText_idx" ON "Municipality" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "MunicipalityKey_municipalityId_idx" ON "MunicipalityKey"("municipalityId");

-- CreateIndex
CREATE INDEX "MunicipalityBorder_fromId_idx" ON "MunicipalityBorder"("fromId");

-- AddForeignKey
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MunicipalityKey" ADD CONSTRAINT "MunicipalityKey_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MunicipalityBorder" ADD CONSTRAINT "MunicipalityBorder_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MunicipalityBorder" ADD CONSTRAINT "MunicipalityBorder_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;
