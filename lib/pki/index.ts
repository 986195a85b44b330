// The cloud's PKI (decision 013): one device CA, the broker's server certificates, device client
// certificates and their standing.
export { deviceCaPem, serverCredentials } from "./authority";
export { certificateStanding, issueDeviceCertificate, revokeDeviceCertificates } from "./devices";
