import { createMaintenance, findMaintenance, removeMaintenance } from "../contracts/maintenance";
import * as maintenance from "../services/maintenance";
import { implement } from "./implement";

// Maintenance windows of the account: viewers read them, admins open and end them.
export const maintenanceController = [
  implement(findMaintenance, (input, ctx) => maintenance.findMaintenance(ctx, input)),
  implement(createMaintenance, (input, ctx) => maintenance.createMaintenance(ctx, input)),
  implement(removeMaintenance, (input, ctx) => maintenance.removeMaintenance(ctx, input)),
];
