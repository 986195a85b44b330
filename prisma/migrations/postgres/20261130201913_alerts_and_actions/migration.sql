-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "deviceId" TEXT,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "message" TEXT NOT NULL DEFAULT '',
    "severity" TEXT NOT NULL,
    "seq" TEXT NOT NULL DEFAULT '',
    "openSeq" TEXT,
    "count" INTEGER NOT NULL DEFAULT 1,
    "state" TEXT NOT NULL DEFAULT 'open',
    "context" TEXT NOT NULL DEFAULT '{}',
    "actionId" TEXT,
    "silencedBy" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedBy" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedBy" TEXT,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaintenanceWindow" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "targetId" TEXT NOT NULL DEFAULT '',
    "starts" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL DEFAULT '',
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MaintenanceWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "enable" BOOLEAN NOT NULL DEFAULT true,
    "trigger" TEXT NOT NULL,
    "namespace" TEXT NOT NULL DEFAULT 'Embedthis/Device',
    "metric" TEXT NOT NULL DEFAULT '',
    "dimensions" TEXT NOT NULL DEFAULT '{}',
    "statistic" TEXT NOT NULL DEFAULT 'avg',
    "period" INTEGER NOT NULL DEFAULT 300,
    "expression" TEXT NOT NULL DEFAULT '',
    "clear" TEXT NOT NULL DEFAULT '',
    "hold" INTEGER NOT NULL DEFAULT 0,
    "deviceId" TEXT,
    "schedule" TEXT NOT NULL DEFAULT '',
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "minSeverity" TEXT NOT NULL DEFAULT '',
    "poll" INTEGER NOT NULL DEFAULT 60,
    "rearm" INTEGER NOT NULL DEFAULT 0,
    "type" TEXT NOT NULL,
    "destination" TEXT NOT NULL DEFAULT '',
    "message" TEXT NOT NULL DEFAULT '',
    "severity" TEXT NOT NULL DEFAULT 'warning',
    "args" TEXT NOT NULL DEFAULT '{}',
    "secret" TEXT NOT NULL,
    "nextRun" TIMESTAMP(3),
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionSubject" (
    "actionId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "deviceId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'clear',
    "since" TIMESTAMP(3),
    "fired" TIMESTAMP(3),
    "value" DOUBLE PRECISION,
    "updated" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionSubject_pkey" PRIMARY KEY ("actionId","subject")
);

-- CreateTable
CREATE TABLE "ActionRun" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "triggerKey" TEXT NOT NULL,
    "deviceId" TEXT,
    "context" TEXT NOT NULL DEFAULT '{}',
    "outcome" TEXT NOT NULL DEFAULT 'queued',
    "error" TEXT NOT NULL DEFAULT '',
    "lease" TIMESTAMP(3),
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started" TIMESTAMP(3),
    "finished" TIMESTAMP(3),
    "duration" INTEGER,

    CONSTRAINT "ActionRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" SERIAL NOT NULL,
    "accountId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "due" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT NOT NULL DEFAULT '',
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Alert_accountId_created_id_idx" ON "Alert"("accountId", "created", "id");

-- CreateIndex
CREATE INDEX "Alert_accountId_state_created_idx" ON "Alert"("accountId", "state", "created");

-- CreateIndex
CREATE INDEX "Alert_accountId_deviceId_created_idx" ON "Alert"("accountId", "deviceId", "created");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_accountId_openSeq_key" ON "Alert"("accountId", "openSeq");

-- CreateIndex
CREATE INDEX "MaintenanceWindow_accountId_until_idx" ON "MaintenanceWindow"("accountId", "until");

-- CreateIndex
CREATE INDEX "Action_accountId_created_id_idx" ON "Action"("accountId", "created", "id");

-- CreateIndex
CREATE INDEX "Action_trigger_enable_idx" ON "Action"("trigger", "enable");

-- CreateIndex
CREATE INDEX "Action_nextRun_idx" ON "Action"("nextRun");

-- CreateIndex
CREATE UNIQUE INDEX "Action_accountId_name_key" ON "Action"("accountId", "name");

-- CreateIndex
CREATE INDEX "ActionSubject_state_idx" ON "ActionSubject"("state");

-- CreateIndex
CREATE INDEX "ActionRun_actionId_created_id_idx" ON "ActionRun"("actionId", "created", "id");

-- CreateIndex
CREATE INDEX "ActionRun_outcome_created_idx" ON "ActionRun"("outcome", "created");

-- CreateIndex
CREATE UNIQUE INDEX "ActionRun_actionId_triggerKey_key" ON "ActionRun"("actionId", "triggerKey");

-- CreateIndex
CREATE INDEX "Delivery_due_idx" ON "Delivery"("due");

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceWindow" ADD CONSTRAINT "MaintenanceWindow_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionSubject" ADD CONSTRAINT "ActionSubject_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionRun" ADD CONSTRAINT "ActionRun_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ActionRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

