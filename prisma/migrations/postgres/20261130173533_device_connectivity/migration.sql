-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "dataSchema" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "PkiCredential" (
    "name" TEXT NOT NULL,
    "certificate" TEXT NOT NULL,
    "keyEncrypted" TEXT NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PkiCredential_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "DeviceCertificate" (
    "serial" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "revoked" TIMESTAMP(3),
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeviceCertificate_pkey" PRIMARY KEY ("serial")
);

-- CreateTable
CREATE TABLE "DeviceItem" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "expires" TIMESTAMP(3),
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'cloud',

    CONSTRAINT "DeviceItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeviceMessage" (
    "id" SERIAL NOT NULL,
    "deviceId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "due" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeviceMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL DEFAULT 'application/octet-stream',
    "size" INTEGER NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FirmwareRelease" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "filename" TEXT NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FirmwareRelease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpdateReport" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UpdateReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeviceCertificate_deviceId_created_idx" ON "DeviceCertificate"("deviceId", "created");

-- CreateIndex
CREATE INDEX "DeviceCertificate_accountId_deviceId_idx" ON "DeviceCertificate"("accountId", "deviceId");

-- CreateIndex
CREATE INDEX "DeviceItem_accountId_deviceId_updated_idx" ON "DeviceItem"("accountId", "deviceId", "updated");

-- CreateIndex
CREATE INDEX "DeviceItem_expires_idx" ON "DeviceItem"("expires");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceItem_accountId_deviceId_type_key_key" ON "DeviceItem"("accountId", "deviceId", "type", "key");

-- CreateIndex
CREATE INDEX "DeviceMessage_due_idx" ON "DeviceMessage"("due");

-- CreateIndex
CREATE INDEX "DeviceMessage_deviceId_idx" ON "DeviceMessage"("deviceId");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_accountId_deviceId_filename_key" ON "StoredFile"("accountId", "deviceId", "filename");

-- CreateIndex
CREATE UNIQUE INDEX "FirmwareRelease_productId_version_key" ON "FirmwareRelease"("productId", "version");

-- CreateIndex
CREATE INDEX "UpdateReport_accountId_deviceId_created_idx" ON "UpdateReport"("accountId", "deviceId", "created");

-- AddForeignKey
ALTER TABLE "DeviceCertificate" ADD CONSTRAINT "DeviceCertificate_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceItem" ADD CONSTRAINT "DeviceItem_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FirmwareRelease" ADD CONSTRAINT "FirmwareRelease_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateReport" ADD CONSTRAINT "UpdateReport_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

