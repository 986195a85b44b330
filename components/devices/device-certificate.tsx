"use client";
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { certificateKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { getDeviceCertificates, type certificateView } from "@/lib/contracts/provision";
import { Loading } from "../ui/loading";
import { ErrorNotice } from "../ui/notice";
import { Section } from "../ui/section";
import { Time } from "../ui/time";
import { LIVE_REFETCH_MS } from "./latest-values";

type Certificate = z.infer<typeof certificateView>;

const STATUS = {
  valid: { text: "valid", look: "bg-green-100 text-green-900" },
  expired: { text: "expired", look: "bg-amber-100 text-amber-950" },
  revoked: { text: "revoked", look: "bg-red-100 text-red-900" },
} as const;

function statusOf(certificate: Certificate, now: number): keyof typeof STATUS {
  if (certificate.revoked) return "revoked";
  return Date.parse(certificate.notAfter) <= now ? "expired" : "valid";
}

/**
 * The device's newest client certificate (device/getCertificates): what the broker checks at each
 * connect. Read again while the page is open, so a device provisioning right after its claim shows up.
 */
export function DeviceCertificate({ deviceId }: { deviceId: string }) {
  const api = useApi();
  const certificates = useQuery({
    queryKey: certificateKeys.device(deviceId),
    queryFn: () => api.call(getDeviceCertificates, { id: deviceId }),
    refetchInterval: LIVE_REFETCH_MS,
  });
  const [newest, ...earlier] = certificates.data ?? [];

  return (
    <Section title="Certificate">
      {certificates.isPending && <Loading what="the certificate" />}
      {certificates.isError && <ErrorNotice error={certificates.error} />}
      {certificates.data && !newest && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm">
          <strong>Not provisioned.</strong> The device asks for its certificate once it is claimed, then connects to the
          broker with it.
        </p>
      )}
      {newest && (
        <CertificateFields certificate={newest} earlier={earlier.length} readAt={certificates.dataUpdatedAt} />
      )}
    </Section>
  );
}

/** `readAt`: when the list was read, the "now" its expiry is judged at (it is read again every few seconds). */
function CertificateFields({
  certificate,
  earlier,
  readAt,
}: {
  certificate: Certificate;
  earlier: number;
  readAt: number;
}) {
  const status = STATUS[statusOf(certificate, readAt)];
  return (
    <dl
      aria-label="Newest certificate"
      className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm"
    >
      <dt className="text-muted">Status</dt>
      <dd>
        <span className={`rounded px-2 py-0.5 text-xs whitespace-nowrap ${status.look}`}>{status.text}</span>
        {certificate.revoked && (
          <span className="ml-2 text-muted">
            <Time value={certificate.revoked} />
          </span>
        )}
      </dd>
      <dt className="text-muted">Serial</dt>
      <dd className="font-mono text-xs [overflow-wrap:anywhere]">{certificate.serial}</dd>
      <dt className="text-muted">Issued</dt>
      <dd>
        <Time value={certificate.notBefore} />
      </dd>
      <dt className="text-muted">Expires</dt>
      <dd>
        <Time value={certificate.notAfter} />
      </dd>
      {earlier > 0 && (
        <>
          <dt className="text-muted">Earlier</dt>
          <dd>
            {earlier} {earlier === 1 ? "certificate" : "certificates"}, revoked when this one was issued
          </dd>
        </>
      )}
    </dl>
  );
}
