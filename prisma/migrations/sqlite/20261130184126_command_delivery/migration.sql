-- AlterTable
ALTER TABLE "DeviceItem" ADD COLUMN "delivered" DATETIME;

