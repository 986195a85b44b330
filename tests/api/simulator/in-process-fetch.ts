import { GET as caPem } from "../../../app/builder/ca.pem/route";
import { fileRoute } from "../../../lib/http/file-route";
import { dispatch } from "../../../lib/http/route-adapter";
import type { Fetch } from "../../../scripts/simulator/cloud-api";

// The simulator's HTTP calls answered by the cloud's own handlers in this process (the same
// adapter and pipeline the server runs): register, the device verbs under /tok, the CA
// certificate, and signed file URLs (a firmware download).
export const inProcessFetch: Fetch = async (url, init) => {
  const request = new Request(url, {
    ...init,
    headers: { ...(init?.headers as Record<string, string>), "x-forwarded-for": "127.0.0.1" },
  });
  const { pathname } = new URL(url);
  if (pathname === "/builder/ca.pem") return caPem(request);
  if (pathname === "/builder/device/register") return dispatch(request, { surface: "builder" });
  const verb = /^\/tok\/([^/]+)\/([^/]+)$/.exec(pathname);
  if (verb) return dispatch(request, { surface: "tok", controller: verb[1]!, verb: verb[2]! });
  const file = /^\/files\/([^/]+)$/.exec(pathname);
  if (file && request.method === "GET") return fileRoute.GET(request, { params: Promise.resolve({ token: file[1]! }) });
  throw new Error(`the test's fetch has no route for ${request.method} ${pathname}`);
};
