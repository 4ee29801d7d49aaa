-- AlterEnum
ALTER TYPE "OrganizationKind" ADD VALUE 'NETWORK_BODY';

-- AlterTable
ALTER TABLE "RoundRegistration" ADD COLUMN     "shareMunicipality" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RoundSeriesRegistration" ADD COLUMN     "shareMunicipality" BOOLEAN NOT NULL DEFAULT false;
