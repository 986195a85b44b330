-- AlterTable
ALTER TABLE "DeviceItem" ADD COLUMN     "delivered" TIMESTAMP(3);

