import { findVerb, specialVerbs } from "../controllers";
import type { VerbHandler } from "../controllers/implement";
import type { Env } from "../env";
import { ApiError, authMismatch } from "../errors";
import type { Principal } from "../services/context";

/** Where a call came in: each surface admits different credentials. */
export type Surface = "api" | "tok" | "builder" | "auth";

/** A verb as a transport names it: a surface, and the controller and verb where the surface has several. */
export type Route = { surface: "api" | "tok"; controller: string; verb: string } | { surface: "builder" | "auth" };

interface SurfacePolicy {
  /** Calls per minute from one client address, counted before anything else is read. */
  addressRate(config: Env): number;
  /** Refuses (auth_mismatch) a principal this surface does not take. */
  admit(principal: Principal, origin: string | null): void;
}

export const SURFACES: Record<Surface, SurfacePolicy> = {
  // /api: login access tokens, each from the Origin it was issued to.
  api: {
    addressRate: (config) => config.rateLimitPerMinute,
    admit(principal, origin) {
      if (principal.kind !== "user")
        throw authMismatch("/api takes a login access token; use /tok with a CloudAPI or device token");
      if (origin !== principal.origin)
        throw authMismatch("The Origin header does not match the one this token was issued to");
    },
  },
  // /tok: CloudAPI and device tokens.
  tok: {
    addressRate: (config) => config.rateLimitPerMinute,
    admit(principal) {
      if (principal.kind === "user")
        throw authMismatch("/tok takes a CloudAPI or device token; a login access token belongs on /api");
      if (principal.kind === "product") throw authMismatch("A product token only registers devices");
    },
  },
  // /builder/device/register: a product token. A factory line registers from one address.
  builder: {
    addressRate: (config) => config.registerAddressRatePerMinute,
    admit(principal) {
      if (principal.kind !== "product") throw authMismatch("Device registration takes a product token");
    },
  },
  // /api/auth: an email and password, for which it issues a token.
  auth: {
    addressRate: (config) => config.rateLimitPerMinute,
    admit() {
      throw authMismatch("Sign in with an email and password, without a token");
    },
  },
};

/** The verb a route names, or unrecognized_request. */
export function resolveVerb(route: Route): VerbHandler {
  if (!("controller" in route)) return route.surface === "auth" ? specialVerbs.authLogin : specialVerbs.registerDevice;
  const verb = findVerb(route.controller, route.verb);
  // A verb with a route of its own is not reachable under another path.
  if (!verb) throw new ApiError("unrecognized_request", `Unrecognized request: ${route.controller}/${route.verb}`);
  return verb;
}
