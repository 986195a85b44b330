import type { StepType } from "../../contracts/action";
import { alertStep } from "./alert";
import { databaseStep } from "./database";
import { deviceStep } from "./device";
import { emailStep } from "./email";
import { httpStep } from "./http";
import { metricStep } from "./metric";
import { resolveStep } from "./resolve";
import type { Step } from "./types";

// The step registry (decision 018): what each step type does; the executor looks a run's step up
// here. http and email queue deliveries (decision 019).

export const steps: Record<StepType, Step> = {
  alert: alertStep,
  resolve: resolveStep,
  device: deviceStep,
  database: databaseStep,
  metric: metricStep,
  http: httpStep,
  email: emailStep,
};
