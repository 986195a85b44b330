import { chromium } from "@playwright/test";
import { DEVICE_METRICS } from "../../../lib/demo/signals";
import playwrightConfig from "../../../playwright.config";
import { median, type BenchAccount } from "../harness";

// The page: from navigation to the first chart drawn (the first curve in a recharts surface) on a
// dashboard of 8 graphs of the ingest devices' last day, in Debian's Chromium launched as the
// end-to-end tests launch it. The median of 5 navigations after one to warm the server up.

const NAVIGATIONS = 5;
/** A line or band of data (recharts' Curve): axes and grid alone are not a chart drawn. */
const CHART_DRAWN = ".recharts-surface path.recharts-curve";

/** Milliseconds as text, or why the page could not be measured. */
export async function firstChartMs(base: string, account: BenchAccount): Promise<string> {
  const widgets = Array.from({ length: 8 }, (_, i) => ({
    id: `w${i}`,
    type: "graph",
    title: `${DEVICE_METRICS[i % 4]} ${account.devices[i % account.devices.length]!.id}`,
    top: Math.floor(i / 2) * 4,
    left: (i % 2) * 6,
    width: 6,
    height: 4,
    metric: DEVICE_METRICS[i % 4],
    dimensions: [{ Device: account.devices[i % account.devices.length]!.id }],
  }));
  const created = await fetch(`${base}/api/dashboard/create`, {
    method: "POST",
    headers: { ...account.user, "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ name: "Bench", range: { period: 86_400 }, widgets }),
  });
  if (created.status !== 200) return `not measured: dashboard/create answered ${created.status} (not landed?)`;
  const dashboard = ((await created.json()) as { data: { id: string } }).data;

  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const page = await browser.newPage({ baseURL: base });
    const url = `/dashboards/${dashboard.id}`;
    await page.goto(`/signin?next=${encodeURIComponent(url)}`);
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((address) => address.pathname === url);
    const drawn = async () => {
      const response = await page.goto(url, { waitUntil: "commit" });
      if (response?.status() !== 200) throw new Error(`the dashboard page answered ${response?.status()}`);
      // performance.now() counts from the navigation's start; polled on every frame.
      const handle = await page.waitForFunction(
        (selector) => (document.querySelector(selector) ? performance.now() : null),
        CHART_DRAWN,
        { polling: "raf", timeout: 30_000 },
      );
      return (await handle.jsonValue()) as number;
    };
    try {
      await drawn();
    } catch (error) {
      return `not measured: ${(error as Error).message.split("\n")[0]}`;
    }
    const times: number[] = [];
    for (let i = 0; i < NAVIGATIONS; i++) times.push(await drawn());
    return `${median(times).toFixed(0)} ms`;
  } finally {
    await browser.close();
  }
}
