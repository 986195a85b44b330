// Alerts (decision 017): raised by actions, the system or admins, de-duplicated by seq,
// acknowledged and resolved by people or resolved when their condition clears.

export { raiseAlert, resolveAlerts, type RaiseInput, type Raised } from "./raise";
export { alertSummary, findAlerts, getAlert } from "./read";
export { createAlert, removeAlert, updateAlert, updateAlerts } from "./decide";
