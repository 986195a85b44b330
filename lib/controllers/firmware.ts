import { createFirmware, findFirmware, firmwareReports, removeFirmware } from "../contracts/firmware";
import { updateProvision, updateReport } from "../contracts/provision";
import * as firmware from "../services/firmware";
import { implement } from "./implement";

export const firmwareController = [
  implement(createFirmware, (input, ctx) => firmware.createFirmware(ctx, input)),
  implement(findFirmware, (input, ctx) => firmware.findFirmware(ctx, input)),
  implement(removeFirmware, (input, ctx) => firmware.removeFirmware(ctx, input)),
  implement(firmwareReports, (input, ctx) => firmware.firmwareReports(ctx, input)),
  // provision/update and provision/updateReport — the device's side (bare answers)
  implement(updateProvision, (input, ctx) => firmware.offerUpdate(ctx, input)),
  implement(updateReport, (input, ctx) => firmware.reportUpdate(ctx, input)),
];
