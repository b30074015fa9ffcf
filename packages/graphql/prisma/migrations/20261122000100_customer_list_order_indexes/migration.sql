-- DropIndex
DROP INDEX "Customer_name_idx";

-- DropIndex
DROP INDEX "Customer_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Customer_name_id_idx" ON "Customer"("name", "id");

-- CreateIndex
CREATE INDEX "Customer_updatedAt_id_idx" ON "Customer"("updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Customer_createdAt_id_idx" ON "Customer"("createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Customer_annualVolumeFen_id_idx" ON "Customer"("annualVolumeFen" DESC, "id");

