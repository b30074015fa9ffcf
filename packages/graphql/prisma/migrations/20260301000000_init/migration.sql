-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "managerId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Staff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "roles" JSONB NOT NULL,
    "teamId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "leftAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Staff_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "creditCode" TEXT,
    "legalRepresentative" TEXT,
    "address" TEXT,
    "postalCode" TEXT,
    "phone" TEXT,
    "fax" TEXT,
    "email" TEXT,
    "businessScope" TEXT,
    "registeredCapitalFen" BIGINT,
    "companyNature" TEXT,
    "industryPosition" TEXT,
    "mainBusiness" TEXT,
    "additionalBusiness" TEXT,
    "salesLastThreeYears" JSONB,
    "creditRating" TEXT,
    "ourStrengths" TEXT,
    "ourWeaknessesAndCountermeasures" TEXT,
    "organisationStructure" TEXT,
    "decisionProcess" TEXT,
    "decisionMakers" JSONB,
    "competitors" JSONB,
    "status" TEXT,
    "annualVolumeFen" BIGINT NOT NULL DEFAULT 0,
    "scale" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "hasIntention" BOOLEAN NOT NULL DEFAULT false,
    "hasBusinessHistory" BOOLEAN NOT NULL DEFAULT false,
    "tier" TEXT NOT NULL,
    "demandGrade" TEXT NOT NULL,
    "proposedStrategic" BOOLEAN NOT NULL DEFAULT false,
    "tierReasons" JSONB NOT NULL,
    "strategicApprovedAt" DATETIME,
    "stage" TEXT NOT NULL,
    "activePhase" TEXT,
    "stageUpdatedAt" DATETIME NOT NULL,
    "qualificationDocuments" JSONB,
    "selection" JSONB,
    "approvalRequestId" TEXT,
    "approvedAt" DATETIME,
    "agreementSentAt" DATETIME,
    "signedAt" DATETIME,
    "customerCode" TEXT,
    "commerceStaffId" TEXT,
    "churnReason" TEXT,
    "ownerId" TEXT,
    "assignedAt" DATETIME,
    "firstContactAt" DATETIME,
    "notifyCustomer" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Customer_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Customer_commerceStaffId_fkey" FOREIGN KEY ("commerceStaffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomerCoOwner" (
    "customerId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "since" DATETIME NOT NULL,

    PRIMARY KEY ("customerId", "staffId"),
    CONSTRAINT "CustomerCoOwner_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CustomerCoOwner_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "education" TEXT,
    "birthDate" TEXT,
    "interests" TEXT,
    "family" TEXT,
    "isDecisionMaker" BOOLEAN NOT NULL DEFAULT false,
    "isInfluencer" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Contact_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TimelineEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "summary" TEXT NOT NULL,
    "actorId" TEXT,
    "details" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TimelineEvent_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApprovalRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chainId" TEXT NOT NULL,
    "chain" JSONB NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "submittedById" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "currentStep" INTEGER NOT NULL,
    "decidedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ApprovalEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "stepId" TEXT,
    "actorId" TEXT NOT NULL,
    "approverIndex" INTEGER,
    "at" DATETIME NOT NULL,
    "comment" TEXT,
    CONSTRAINT "ApprovalEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ApprovalRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VisitPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "byStaffId" TEXT NOT NULL,
    "plannedAt" DATETIME NOT NULL,
    "personToMeet" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "approvalRequestId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VisitPlan_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VisitPlan_byStaffId_fkey" FOREIGN KEY ("byStaffId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "planId" TEXT,
    "byStaffId" TEXT NOT NULL,
    "startAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "peopleMet" JSONB NOT NULL,
    "method" TEXT NOT NULL,
    "progress" TEXT NOT NULL,
    "attitude" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "outcomeReasons" TEXT,
    "enteredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Visit_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Visit_planId_fkey" FOREIGN KEY ("planId") REFERENCES "VisitPlan" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Visit_byStaffId_fkey" FOREIGN KEY ("byStaffId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingMinutes" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "visitId" TEXT,
    "authorId" TEXT NOT NULL,
    "meetingAt" DATETIME NOT NULL,
    "draftedAt" DATETIME NOT NULL,
    "content" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reviewedBy" TEXT,
    "reviewedAt" DATETIME,
    "sentBy" TEXT,
    "sentAt" DATETIME,
    "acknowledgedAt" DATETIME,
    CONSTRAINT "MeetingMinutes_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingMinutes_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MeetingMinutes_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "signedAt" DATETIME,
    "status" TEXT NOT NULL,
    "approvalRequestId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Contract_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Instalment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "dueDate" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    CONSTRAINT "Instalment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "instalmentId" TEXT,
    "amountFen" BIGINT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "reference" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Payment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Payment_instalmentId_fkey" FOREIGN KEY ("instalmentId") REFERENCES "Instalment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServiceTicket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "customerName" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "productModel" TEXT NOT NULL,
    "zone" TEXT NOT NULL,
    "serviceType" TEXT NOT NULL,
    "callAt" DATETIME NOT NULL,
    "state" TEXT NOT NULL,
    "technicianId" TEXT,
    "dispatchedAt" DATETIME,
    "arrivedAt" DATETIME,
    "completedAt" DATETIME,
    "closedAt" DATETIME,
    "chargeFen" BIGINT,
    "chargedAt" DATETIME,
    "chargeInvoiceNumber" TEXT,
    "customerSignature" TEXT,
    "workshop" JSONB,
    "history" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ServiceTicket_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ServiceTicket_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExpenseClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimantId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "submittedAt" DATETIME,
    "tripStartDay" TEXT,
    "tripEndDay" TEXT,
    "tripDepartureAt" DATETIME,
    "tripApprovalRequestId" TEXT,
    "totalFen" BIGINT NOT NULL,
    "violations" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExpenseClaim_claimantId_fkey" FOREIGN KEY ("claimantId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExpenseItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "details" JSONB,
    CONSTRAINT "ExpenseItem_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "ExpenseClaim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExpenseInvoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "code" TEXT,
    "number" TEXT NOT NULL,
    CONSTRAINT "ExpenseInvoice_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "ExpenseClaim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExpenseInvoice_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ExpenseItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommissionStatement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffId" TEXT NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "totalFen" BIGINT NOT NULL,
    "trace" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommissionStatement_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommissionLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "statementId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "customerId" TEXT,
    "contractId" TEXT,
    "baseFen" BIGINT NOT NULL,
    "rate" TEXT,
    "amountFen" BIGINT NOT NULL,
    "trace" JSONB NOT NULL,
    CONSTRAINT "CommissionLine_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "CommissionStatement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OwnershipHistory" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "customerId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "by" TEXT NOT NULL,
    "fromOwnerId" TEXT,
    "toOwnerId" TEXT,
    "reason" TEXT,
    "ruleId" TEXT NOT NULL,
    CONSTRAINT "OwnershipHistory_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PoolEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "customerId" TEXT NOT NULL,
    "releasedAt" DATETIME NOT NULL,
    "formerOwnerId" TEXT,
    "reason" TEXT,
    "claimedAt" DATETIME,
    "claimedById" TEXT,
    CONSTRAINT "PoolEntry_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "basis" TEXT,
    "details" JSONB
);

-- CreateIndex
CREATE UNIQUE INDEX "Team_name_key" ON "Team"("name");

-- CreateIndex
CREATE INDEX "Staff_teamId_idx" ON "Staff"("teamId");

-- CreateIndex
CREATE INDEX "Staff_active_idx" ON "Staff"("active");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_creditCode_key" ON "Customer"("creditCode");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_customerCode_key" ON "Customer"("customerCode");

-- CreateIndex
CREATE INDEX "Customer_ownerId_idx" ON "Customer"("ownerId");

-- CreateIndex
CREATE INDEX "Customer_tier_idx" ON "Customer"("tier");

-- CreateIndex
CREATE INDEX "Customer_stage_idx" ON "Customer"("stage");

-- CreateIndex
CREATE INDEX "Customer_name_idx" ON "Customer"("name");

-- CreateIndex
CREATE INDEX "Customer_updatedAt_idx" ON "Customer"("updatedAt");

-- CreateIndex
CREATE INDEX "CustomerCoOwner_staffId_idx" ON "CustomerCoOwner"("staffId");

-- CreateIndex
CREATE INDEX "Contact_customerId_idx" ON "Contact"("customerId");

-- CreateIndex
CREATE INDEX "TimelineEvent_customerId_at_idx" ON "TimelineEvent"("customerId", "at");

-- CreateIndex
CREATE INDEX "ApprovalRequest_subjectKind_subjectId_idx" ON "ApprovalRequest"("subjectKind", "subjectId");

-- CreateIndex
CREATE INDEX "ApprovalRequest_status_idx" ON "ApprovalRequest"("status");

-- CreateIndex
CREATE INDEX "ApprovalRequest_submittedById_idx" ON "ApprovalRequest"("submittedById");

-- CreateIndex
CREATE INDEX "ApprovalEvent_actorId_idx" ON "ApprovalEvent"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalEvent_requestId_seq_key" ON "ApprovalEvent"("requestId", "seq");

-- CreateIndex
CREATE INDEX "VisitPlan_customerId_plannedAt_idx" ON "VisitPlan"("customerId", "plannedAt");

-- CreateIndex
CREATE INDEX "VisitPlan_byStaffId_idx" ON "VisitPlan"("byStaffId");

-- CreateIndex
CREATE INDEX "Visit_customerId_startAt_idx" ON "Visit"("customerId", "startAt");

-- CreateIndex
CREATE INDEX "Visit_byStaffId_startAt_idx" ON "Visit"("byStaffId", "startAt");

-- CreateIndex
CREATE INDEX "MeetingMinutes_customerId_meetingAt_idx" ON "MeetingMinutes"("customerId", "meetingAt");

-- CreateIndex
CREATE INDEX "MeetingMinutes_status_idx" ON "MeetingMinutes"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_number_key" ON "Contract"("number");

-- CreateIndex
CREATE INDEX "Contract_customerId_idx" ON "Contract"("customerId");

-- CreateIndex
CREATE INDEX "Contract_status_idx" ON "Contract"("status");

-- CreateIndex
CREATE INDEX "Instalment_dueDate_idx" ON "Instalment"("dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Instalment_contractId_number_key" ON "Instalment"("contractId", "number");

-- CreateIndex
CREATE INDEX "Payment_contractId_receivedAt_idx" ON "Payment"("contractId", "receivedAt");

-- CreateIndex
CREATE INDEX "ServiceTicket_state_callAt_idx" ON "ServiceTicket"("state", "callAt");

-- CreateIndex
CREATE INDEX "ServiceTicket_customerId_idx" ON "ServiceTicket"("customerId");

-- CreateIndex
CREATE INDEX "ServiceTicket_technicianId_idx" ON "ServiceTicket"("technicianId");

-- CreateIndex
CREATE INDEX "ExpenseClaim_claimantId_submittedAt_idx" ON "ExpenseClaim"("claimantId", "submittedAt");

-- CreateIndex
CREATE INDEX "ExpenseClaim_status_idx" ON "ExpenseClaim"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ExpenseItem_claimId_itemKey_key" ON "ExpenseItem"("claimId", "itemKey");

-- CreateIndex
CREATE UNIQUE INDEX "ExpenseInvoice_itemId_key" ON "ExpenseInvoice"("itemId");

-- CreateIndex
CREATE INDEX "ExpenseInvoice_number_idx" ON "ExpenseInvoice"("number");

-- CreateIndex
CREATE INDEX "ExpenseInvoice_code_number_idx" ON "ExpenseInvoice"("code", "number");

-- CreateIndex
CREATE INDEX "ExpenseInvoice_claimId_idx" ON "ExpenseInvoice"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "CommissionStatement_staffId_periodStart_periodEnd_key" ON "CommissionStatement"("staffId", "periodStart", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "CommissionLine_statementId_seq_key" ON "CommissionLine"("statementId", "seq");

-- CreateIndex
CREATE INDEX "OwnershipHistory_customerId_at_idx" ON "OwnershipHistory"("customerId", "at");

-- CreateIndex
CREATE INDEX "OwnershipHistory_toOwnerId_idx" ON "OwnershipHistory"("toOwnerId");

-- CreateIndex
CREATE INDEX "PoolEntry_customerId_idx" ON "PoolEntry"("customerId");

-- CreateIndex
CREATE INDEX "PoolEntry_claimedAt_idx" ON "PoolEntry"("claimedAt");

-- CreateIndex
CREATE INDEX "PoolEntry_claimedById_claimedAt_idx" ON "PoolEntry"("claimedById", "claimedAt");

-- CreateIndex
CREATE INDEX "AuditLog_subjectKind_subjectId_at_idx" ON "AuditLog"("subjectKind", "subjectId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

