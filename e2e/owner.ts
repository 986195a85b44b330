// The deployment's owner, signed up once by the global setup on the fresh e2e database; specs
// that need products sign in as this owner and make their own uniquely named data.
export const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
export const OWNER = { email: "owner@e2e.fleetport.test", password: "e2e owner password" };
