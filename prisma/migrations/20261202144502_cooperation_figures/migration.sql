-- CreateTable
CREATE TABLE "CooperationFigures" (
    "land" TEXT NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,
    "figures" JSONB NOT NULL,

    CONSTRAINT "CooperationFigures_pkey" PRIMARY KEY ("land")
);
