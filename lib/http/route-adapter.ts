import { dispatch, type Route } from "./dispatcher";

export interface VerbParams {
  params: Promise<{ controller: string; verb: string }>;
}

function everyMethod<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return {
    GET: handler,
    POST: handler,
    PUT: handler,
    PATCH: handler,
    DELETE: handler,
    HEAD: handler,
    OPTIONS: handler,
  };
}

/** The handlers of /api|/tok/<controller>/<verb>: one line per route file. */
export function controllerRoute(surface: "api" | "tok") {
  return everyMethod(async (request, context: VerbParams) => {
    const { controller, verb } = await context.params;
    return dispatch(request, { surface, controller, verb });
  });
}

/** The handlers of a route with a fixed verb (/api/auth, /builder/device/register). */
export function fixedRoute(route: Route) {
  return everyMethod<unknown>((request) => dispatch(request, route));
}
