-- CreateTable
CREATE TABLE "MetricSeries" (
    "id" SERIAL NOT NULL,
    "accountId" TEXT NOT NULL,
    "deviceId" TEXT,
    "namespace" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "dimensions" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "last" DOUBLE PRECISION NOT NULL,
    "lastTimestamp" BIGINT NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricRollup" (
    "seriesId" INTEGER NOT NULL,
    "resolution" INTEGER NOT NULL,
    "bucket" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "last" DOUBLE PRECISION NOT NULL,
    "lastTimestamp" BIGINT NOT NULL,

    CONSTRAINT "MetricRollup_pkey" PRIMARY KEY ("seriesId","resolution","bucket")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "accountId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("accountId","key")
);

-- CreateTable
CREATE TABLE "Dashboard" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "range" TEXT NOT NULL,
    "widgets" TEXT NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dashboard_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "MetricSeries" ADD CONSTRAINT "MetricSeries_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricRollup" ADD CONSTRAINT "MetricRollup_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MetricSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dashboard" ADD CONSTRAINT "Dashboard_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Raw metric points (decision 012): outside the Prisma schema, written and read by raw SQL only.
-- Partitioned by day on the timestamp; the retention job creates partitions ahead and drops whole
-- ones when they age out. The default partition takes what no day partition covers yet.
CREATE TABLE "MetricPoint" (
    "seriesId" INTEGER NOT NULL,
    "timestamp" BIGINT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL
) PARTITION BY RANGE ("timestamp");
CREATE TABLE "MetricPoint_default" PARTITION OF "MetricPoint" DEFAULT;
CREATE INDEX "MetricPoint_seriesId_timestamp_idx" ON "MetricPoint"("seriesId", "timestamp");
