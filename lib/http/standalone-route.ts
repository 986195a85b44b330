import { asApiError } from "../pipeline/invoke";
import { errorResponse } from "./error-response";
import { requestIdOf } from "./request-id";
import { everyMethod } from "./route-adapter";

/**
 * The handlers of a route outside the verb pipeline (the file store's URLs, inbound hooks): every
 * method answered by `handle`, which refuses the ones it does not take, with the request's ID, and
 * any refusal answered as the API's error body.
 */
export function standaloneRoute<Context>(
  handle: (request: Request, context: Context, requestId: string) => Promise<Response>,
) {
  return everyMethod(async (request: Request, context: Context) => {
    const requestId = requestIdOf(request.headers.get("x-request-id"));
    try {
      return await handle(request, context, requestId);
    } catch (error) {
      return errorResponse(asApiError(error, requestId), requestId, request.headers.get("accept"));
    }
  });
}
