-- CreateTable
CREATE TABLE "MetricSeries" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "accountId" TEXT NOT NULL,
    "deviceId" TEXT,
    "namespace" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "dimensions" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "last" REAL NOT NULL,
    "lastTimestamp" BIGINT NOT NULL,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MetricSeries_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MetricRollup" (
    "seriesId" INTEGER NOT NULL,
    "resolution" INTEGER NOT NULL,
    "bucket" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" REAL NOT NULL,
    "min" REAL NOT NULL,
    "max" REAL NOT NULL,
    "last" REAL NOT NULL,
    "lastTimestamp" BIGINT NOT NULL,

    PRIMARY KEY ("seriesId", "resolution", "bucket"),
    CONSTRAINT "MetricRollup_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MetricSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "accountId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("accountId", "key")
);

-- CreateTable
CREATE TABLE "Dashboard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "range" TEXT NOT NULL,
    "widgets" TEXT NOT NULL,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" DATETIME NOT NULL,
    CONSTRAINT "Dashboard_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MetricSeries_accountId_deviceId_idx" ON "MetricSeries"("accountId", "deviceId");

-- CreateIndex
CREATE UNIQUE INDEX "MetricSeries_accountId_key_key" ON "MetricSeries"("accountId", "key");

-- CreateIndex
CREATE INDEX "MetricRollup_resolution_bucket_idx" ON "MetricRollup"("resolution", "bucket");

-- CreateIndex
CREATE INDEX "IdempotencyKey_created_idx" ON "IdempotencyKey"("created");

-- CreateIndex
CREATE INDEX "Dashboard_accountId_created_id_idx" ON "Dashboard"("accountId", "created", "id");


-- Raw metric points (decision 012): outside the Prisma schema, written and read by raw SQL only.
-- Append-only, no key: a chart reads the rollups; the retention job deletes old points in chunks,
-- series by series through the one index (a second index on the time alone slowed every insert).
CREATE TABLE "MetricPoint" (
    "seriesId" INTEGER NOT NULL,
    "timestamp" INTEGER NOT NULL,
    "value" REAL NOT NULL
);
CREATE INDEX "MetricPoint_seriesId_timestamp_idx" ON "MetricPoint"("seriesId", "timestamp");
