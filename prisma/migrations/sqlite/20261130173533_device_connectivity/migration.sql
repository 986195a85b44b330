-- CreateTable
CREATE TABLE "PkiCredential" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "certificate" TEXT NOT NULL,
    "keyEncrypted" TEXT NOT NULL,
    "notAfter" DATETIME NOT NULL,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DeviceCertificate" (
    "serial" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "notBefore" DATETIME NOT NULL,
    "notAfter" DATETIME NOT NULL,
    "revoked" DATETIME,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeviceCertificate_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeviceItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "expires" DATETIME,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" DATETIME NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'cloud',
    CONSTRAINT "DeviceItem_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeviceMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deviceId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "due" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL DEFAULT 'application/octet-stream',
    "size" INTEGER NOT NULL,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" DATETIME NOT NULL,
    CONSTRAINT "StoredFile_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FirmwareRelease" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "productId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "filename" TEXT NOT NULL,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FirmwareRelease_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UpdateReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UpdateReport_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Product" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "tokenHash" TEXT NOT NULL,
    "tokenEncrypted" TEXT NOT NULL,
    "tokenPrefix" TEXT NOT NULL,
    "dataSchema" TEXT NOT NULL DEFAULT '',
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" DATETIME NOT NULL,
    CONSTRAINT "Product_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Product" ("accountId", "created", "description", "id", "name", "tokenEncrypted", "tokenHash", "tokenPrefix", "updated") SELECT "accountId", "created", "description", "id", "name", "tokenEncrypted", "tokenHash", "tokenPrefix", "updated" FROM "Product";
DROP TABLE "Product";
ALTER TABLE "new_Product" RENAME TO "Product";
CREATE UNIQUE INDEX "Product_tokenHash_key" ON "Product"("tokenHash");
CREATE INDEX "Product_accountId_created_idx" ON "Product"("accountId", "created");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

