-- CreateEnum
CREATE TYPE "Urbanisation" AS ENUM ('DICHT', 'MITTEL', 'GERING');

-- AlterTable
ALTER TABLE "Municipality" ADD COLUMN     "shareDense" DOUBLE PRECISION,
ADD COLUMN     "shareIntermediate" DOUBLE PRECISION,
ADD COLUMN     "shareRural" DOUBLE PRECISION,
ADD COLUMN     "urbanisation" "Urbanisation";
