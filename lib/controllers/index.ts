import { verbPath } from "../contracts/verb";
import { accountController } from "./account";
import { actionController } from "./action";
import { alertController } from "./alert";
import { auditController } from "./audit";
import { dashboardController } from "./dashboard";
import { deviceController, registerDeviceVerb } from "./device";
import { fileController } from "./file";
import { firmwareController } from "./firmware";
import { genericController } from "./generic";
import type { VerbHandler } from "./implement";
import { maintenanceController } from "./maintenance";
import { metricController } from "./metric";
import { productController } from "./product";
import { provisionController } from "./provision";
import { storeController } from "./store";
import { tokenController } from "./token";
import { authLoginVerb, userController } from "./user";

// The registry: the single source for routing and the OpenAPI document. A verb a later issue owns
// (action…) is simply absent, so it answers unrecognized_request.
export const controllerVerbs: readonly VerbHandler[] = [
  ...accountController,
  ...userController,
  ...tokenController,
  ...productController,
  ...auditController,
  ...deviceController,
  ...provisionController,
  ...metricController,
  ...dashboardController,
  ...fileController,
  ...firmwareController,
  ...storeController,
  ...genericController,
  ...alertController,
  ...maintenanceController,
  ...actionController,
];

const byPath = new Map(controllerVerbs.map((verb) => [verbPath(verb.contract), verb]));

export const findVerb = (controller: string, verb: string): VerbHandler | undefined =>
  byPath.get(`${controller}/${verb}`);

/** Verbs with routes of their own rather than /api|/tok/<controller>/<verb>. */
export const specialVerbs = { authLogin: authLoginVerb, registerDevice: registerDeviceVerb } as const;
