import {
  createDashboard,
  findDashboards,
  getDashboard,
  removeDashboard,
  updateDashboard,
} from "../contracts/dashboard";
import * as dashboards from "../services/dashboards";
import { implement } from "./implement";

// Dashboards of the account: anyone in it reads them, admins arrange them.
export const dashboardController = [
  implement(findDashboards, (input, ctx) => dashboards.findDashboards(ctx, input)),
  implement(getDashboard, (input, ctx) => dashboards.getDashboard(ctx, input)),
  implement(createDashboard, (input, ctx) => dashboards.createDashboard(ctx, input)),
  implement(updateDashboard, (input, ctx) => dashboards.updateDashboard(ctx, input)),
  implement(removeDashboard, (input, ctx) => dashboards.removeDashboard(ctx, input)),
];
