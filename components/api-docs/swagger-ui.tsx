"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "../ui/button";
import { Loading } from "../ui/loading";
import { Notice } from "../ui/notice";
import "./swagger-contrast.css";

// The Swagger UI from swagger-ui-dist (app/swagger/assets), typed only as far as we use it.
interface SwaggerRequest {
  url: string;
  headers?: Record<string, string>;
}
interface SwaggerUiInstance {
  preauthorizeApiKey(scheme: string, value: string): void;
}
interface SwaggerUiOptions {
  url: string;
  domNode: HTMLElement;
  docExpansion: "list" | "full" | "none";
  /** null: no badge from validator.swagger.io, which the page's img-src would refuse anyway. */
  validatorUrl: null;
  requestInterceptor: (request: SwaggerRequest) => SwaggerRequest;
  onComplete: () => void;
}
type SwaggerUiBundle = (options: SwaggerUiOptions) => SwaggerUiInstance;

declare global {
  interface Window {
    SwaggerUIBundle?: SwaggerUiBundle;
  }
}

const BUNDLE = "/swagger/assets/swagger-ui-bundle.js";
const STYLESHEET = "/swagger/assets/swagger-ui.css";
let pending: Promise<SwaggerUiBundle> | null = null;

/**
 * Loads the bundle once per page life. The script element is made by our own (nonced) code, which
 * the CSP's 'strict-dynamic' trusts; a literal <script src> in the markup would be refused.
 */
function loadBundle(): Promise<SwaggerUiBundle> {
  if (window.SwaggerUIBundle) return Promise.resolve(window.SwaggerUIBundle);
  pending ??= new Promise<SwaggerUiBundle>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = BUNDLE;
    script.async = true;
    script.onload = () => (window.SwaggerUIBundle ? resolve(window.SwaggerUIBundle) : reject(new Error("empty")));
    script.onerror = () => reject(new Error("unreachable"));
    document.head.append(script);
  }).catch((error: unknown) => {
    pending = null; // so "Try again" really tries again
    throw error;
  });
  return pending;
}

/** Same-origin calls ask for the JSON error model, so a failure shows its message and request ID. */
function requestInterceptor(request: SwaggerRequest): SwaggerRequest {
  const sameOrigin = new URL(request.url, window.location.href).origin === window.location.origin;
  const headers = request.headers ?? {};
  const hasAccept = Object.keys(headers).some((name) => name.toLowerCase() === "accept");
  if (sameOrigin && !hasAccept) request.headers = { ...headers, Accept: "application/json" };
  return request;
}

export function SwaggerUi({ token }: { token: string }) {
  const host = useRef<HTMLDivElement>(null);
  const ui = useRef<SwaggerUiInstance | null>(null);
  const tokenRef = useRef(token);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const [attempt, setAttempt] = useState(0);

  // A renewed session's token replaces the old one in the Authorize dialog.
  useEffect(() => {
    tokenRef.current = token;
    ui.current?.preauthorizeApiKey("loginToken", token);
  }, [token]);

  useEffect(() => {
    const node = host.current;
    let live = true;
    const stylesheet = Object.assign(document.createElement("link"), { rel: "stylesheet", href: STYLESHEET });
    document.head.append(stylesheet);
    loadBundle().then(
      (bundle) => {
        if (!live || !node) return;
        const instance = bundle({
          url: "/api/openapi.json",
          domNode: node,
          validatorUrl: null,
          // Collapsed, as /swagger: expanded, Swagger UI 5 draws only the first tag of a document this large.
          docExpansion: "none",
          requestInterceptor,
          // The scheme exists only once the document is in: authorising earlier would do nothing.
          onComplete: () => {
            if (!live) return;
            ui.current = instance;
            instance.preauthorizeApiKey("loginToken", tokenRef.current);
            // Swagger UI leaves its server picker unnamed.
            node.querySelector("#servers")?.setAttribute("aria-label", "Server");
          },
        });
        setState("ready");
      },
      () => {
        if (live) setState("failed");
      },
    );
    return () => {
      live = false;
      ui.current = null;
      stylesheet.remove();
    };
  }, [attempt]);

  return (
    <>
      {state === "loading" && <Loading what="the API reference" />}
      {state === "failed" && (
        <Notice tone="error">
          <p>The API reference could not be loaded. Check your connection and try again.</p>
          <Button
            look="secondary"
            className="mt-2"
            onClick={() => {
              setState("loading");
              setAttempt(attempt + 1);
            }}
          >
            Try again
          </Button>
        </Notice>
      )}
      <div ref={host} className="fleetport-swagger min-w-0 overflow-x-auto" />
    </>
  );
}
