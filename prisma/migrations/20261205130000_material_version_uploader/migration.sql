-- What one person uploaded in the last 24 hours is summed before each upload (UPLOAD_PER_PERSON_DAY_BYTES).
CREATE INDEX "MaterialVersion_createdById_createdAt_idx" ON "MaterialVersion"("createdById", "createdAt");
