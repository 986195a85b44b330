import type { StepType } from "../../contracts/action";
import { alertStep } from "./alert";
import { databaseStep } from "./database";
import { deviceStep } from "./device";
import { emailStep } from "./email";
import { httpStep } from "./http";
import { metricStep } from "./metric";
import { resolveStep } from "./resolve";
import type { Step } from "./types";

// The step registry (decision 018): what each step type does. The executor looks a run's step up
// here; a type without a step fails its runs with a message saying so.

export const steps: Partial<Record<StepType, Step>> = {
  alert: alertStep,
  resolve: resolveStep,
  device: deviceStep,
  database: databaseStep,
  metric: metricStep,
  http: httpStep,
  email: emailStep,
};
