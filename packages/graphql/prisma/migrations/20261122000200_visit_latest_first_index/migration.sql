-- DropIndex
DROP INDEX "Visit_customerId_startAt_idx";

-- CreateIndex
CREATE INDEX "Visit_customerId_startAt_id_idx" ON "Visit"("customerId", "startAt" DESC, "id");

