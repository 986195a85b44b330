import {
  alertSummary,
  createAlert,
  findAlerts,
  getAlert,
  removeAlert,
  updateAlert,
  updateAlerts,
} from "../contracts/alert";
import * as alerts from "../services/alerts";
import { implement } from "./implement";

// Alerts of the account: viewers read them, users acknowledge and resolve, admins raise and remove.
export const alertController = [
  implement(findAlerts, (input, ctx) => alerts.findAlerts(ctx, input)),
  implement(getAlert, (input, ctx) => alerts.getAlert(ctx, input)),
  implement(createAlert, (input, ctx) => alerts.createAlert(ctx, input)),
  implement(updateAlert, (input, ctx) => alerts.updateAlert(ctx, input)),
  implement(updateAlerts, (input, ctx) => alerts.updateAlerts(ctx, input)),
  implement(removeAlert, (input, ctx) => alerts.removeAlert(ctx, input)),
  implement(alertSummary, (_input, ctx) => alerts.alertSummary(ctx)),
];
