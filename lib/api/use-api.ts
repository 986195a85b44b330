"use client";
import { useMemo } from "react";
import { endSession, usePortalSession } from "../session/client";
import { apiClient, type ApiClient } from "./client";

/** The typed client bound to the signed-in user's token. A refused token ends the session cleanly. */
export function useApi(): ApiClient {
  const token = usePortalSession()?.accessToken ?? "";
  return useMemo(() => apiClient(token, () => void endSession("expired")), [token]);
}
