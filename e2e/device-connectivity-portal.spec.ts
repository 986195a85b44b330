import { createHash, randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { agents, claimAs, expectNoSidewaysScroll, newDevice } from "./devices";
import { expect, ownerApi, sessionToken, signIn, signUp, test } from "./fixtures";
import { ORIGIN, OWNER } from "./owner";

// The portal of connected devices (issue 12 §5): what a device wrote with its device token (Store
// values, a log, a file, its certificate) shows on its page, a Store edit is kept typed, an admin's
// command is recorded; on the product, the owner uploads a data schema and a firmware image, and
// sees a device's update report.

/** Calls a verb as the device does: on /tok with its own device token. */
async function asDevice(request: APIRequestContext, token: string, verb: string, data: object): Promise<unknown> {
  const answer = await request.post(`/tok/${verb}`, {
    data,
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
  });
  expect(answer.status(), `${verb}: ${await answer.text()}`).toBe(200);
  return answer.json();
}

/** Calls a verb as the user signed in on `page`, answering its data. */
async function asUser(page: Page, request: APIRequestContext, verb: string, data: object) {
  const headers = { Authorization: await sessionToken(page), Origin: ORIGIN, Accept: "application/json" };
  const answer = await request.post(`/api/${verb}`, { data, headers });
  expect(answer.status(), `${verb}: ${await answer.text()}`).toBe(200);
  return ((await answer.json()) as { data: Record<string, unknown> }).data;
}

test("a device's Store, logs, files and certificate show on its page; an admin edits a value and sends a command", async ({
  page,
  request,
}) => {
  const { register } = await agents(request);
  const device = newDevice();
  await register(device.id);
  await signUp(page);
  await claimAs(page, request, device.id);
  const token = (await register(device.id)).token!;

  // The device writes as the agent does: values as text with their type, a log, a file, its certificate.
  await asDevice(request, token, "store/set", { key: "setpoint", value: "21.5", type: "number" });
  await asDevice(request, token, "store/set", { key: "mode", value: "eco" });
  await asDevice(request, token, "generic/create", { _type: "Log", message: "Booted after power loss" });
  const snapshot = "frame 1";
  const url = (await asDevice(request, token, "file/getSignedUrl", {
    id: device.id,
    command: "put",
    filename: "snapshot.txt",
    mimeType: "text/plain",
    size: String(snapshot.length),
  })) as string;
  expect((await request.put(url, { data: snapshot, headers: { "Content-Type": "text/plain" } })).status()).toBe(200);
  await asDevice(request, token, "device/provision", { id: device.id });
  const [certificate] = (await asUser(page, request, "device/getCertificates", { id: device.id })) as unknown as Array<{
    serial: string;
  }>;

  await page.goto(`/devices/${device.id}`);
  const fields = page.locator("dl").first();
  await expect(fields.locator("dt", { hasText: "Connection" }).locator("+ dd")).toHaveText("offline");

  const store = page.getByRole("table", { name: "Store values" });
  await expect(store.getByRole("row", { name: /setpoint/ })).toContainText("21.5");
  await expect(store.getByRole("row", { name: /setpoint/ })).toContainText("Number");
  await expect(store.getByRole("row", { name: /mode/ })).toContainText("eco");
  await expect(page.getByRole("table", { name: "Device logs" })).toContainText("Booted after power loss");
  const file = page.getByRole("table", { name: "Device files" }).getByRole("row", { name: /snapshot\.txt/ });
  await expect(file).toContainText("7 bytes");
  await expect(file.getByRole("link", { name: "Download snapshot.txt" })).toHaveAttribute("href", /\/files\//);
  const newest = page.getByLabel("Newest certificate");
  await expect(newest).toContainText(certificate!.serial);
  await expect(newest).toContainText("valid");
  await expectAccessible(page, device.id);
  await expectNoSidewaysScroll(page);

  // An edit is kept as its type and told that it reaches the device through sync.
  await page.getByRole("button", { name: "Edit setpoint" }).click();
  const edit = page.getByRole("dialog", { name: "Edit setpoint" });
  await expect(edit).toContainText("at its next sync");
  await edit.getByLabel("Value").fill("warm");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByText("A number such as 21.5")).toBeVisible();
  await edit.getByLabel("Value").fill("19");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(store.getByRole("row", { name: /setpoint/ })).toContainText("19");
  expect(await asUser(page, request, "store/get", { deviceId: device.id, key: "setpoint" })).toMatchObject({
    value: 19,
    type: "number",
  });

  // The account's admin may send a custom command with arguments; it is recorded.
  await page.getByRole("radio", { name: /Custom/ }).check();
  await page.getByLabel("Command name").fill("calibrate");
  await page.getByLabel("Arguments (JSON, optional)").fill('{"offset": 1.5}');
  await page.getByRole("button", { name: "Send command" }).click();
  await expect(page.getByText("Sent “calibrate”.")).toBeVisible();
  const sent = page.getByRole("table", { name: "Recent commands" }).getByRole("row", { name: /calibrate/ });
  await expect(sent).toContainText('{"offset":1.5}');
  await expect(sent).toContainText("waiting for the device");
  const [command] = (await asUser(page, request, "generic/find", {
    _type: "Command",
    deviceId: device.id,
  })) as unknown as Array<Record<string, unknown>>;
  expect(command).toMatchObject({ command: "calibrate", args: { offset: 1.5 } });
});

test.describe("the product panel", () => {
  // The server refuses a schema whose model cannot name its items: Chromium logs that 400.
  test.use({ expectedErrors: [/status of 400/] });

  test("the owner uploads a data schema and a firmware image, and sees a device's update report", async ({
    page,
    request,
  }) => {
    const { product, register } = await agents(request);
    const device = newDevice();
    await register(device.id);
    const owner = await ownerApi(request);
    expect((await request.post("/api/device/claim", { data: { id: device.id }, headers: owner })).status()).toBe(200);
    const token = (await register(device.id)).token!;

    await signIn(page, OWNER, "/products");
    await page.getByRole("button", { name: `Show ${product.name}` }).click();
    const panel = page.getByRole("region", { name: "Selected product" });

    // The schema: its shape checked before sending, what only the server judges answered, each problem named.
    await panel.getByRole("button", { name: "Upload schema" }).click();
    const dialog = page.getByRole("dialog", { name: `Data schema of ${product.name}` });
    const schema = dialog.getByLabel("Schema", { exact: true });
    await schema.fill("{models: {Settings: {power: {type: 'bool'}}}}");
    await dialog.getByRole("button", { name: "Save schema" }).click();
    await expect(dialog.getByRole("alert")).toContainText("dataSchema.models.Settings.power.type");
    await schema.fill("{models: {Settings: {power: {type: 'boolean'}}}}");
    await dialog.getByRole("button", { name: "Save schema" }).click();
    await expect(dialog.getByRole("alert")).toContainText(
      "dataSchema.models.Settings: A model needs an sk with a value template, or an id field",
    );
    await schema.fill(
      "{process: {Settings: {sync: 'both'}}, models: {Settings: {sk: {type: 'string', value: 'settings#'}, power: {type: 'boolean'}}}}",
    );
    await dialog.getByRole("button", { name: "Save schema" }).click();
    await expect(dialog).toBeHidden();
    await expect(panel.getByLabel("Data schema (JSON)")).toContainText('"power": {');

    // A firmware image goes to its signed URL; the list shows the server's checksum and size.
    const image = randomBytes(3000);
    await panel.getByLabel("Version").fill("1.2.0");
    await panel
      .getByLabel("Image")
      .setInputFiles({ name: "fw.bin", mimeType: "application/octet-stream", buffer: image });
    await panel.getByRole("button", { name: "Upload release" }).click();
    await expect(panel.getByText("Release 1.2.0 uploaded.")).toBeVisible();
    const release = panel.getByRole("table", { name: "Firmware releases" }).getByRole("row", { name: /1\.2\.0/ });
    await expect(release).toContainText(createHash("sha256").update(image).digest("hex"));
    await expect(release).toContainText("fw.bin, 2.9 KiB");

    // The device applies it and reports; the panel shows the report on the next read.
    await asDevice(request, token, "provision/updateReport", { id: device.id, update: "1.2.0", success: true });
    await page.reload();
    await page.getByRole("button", { name: `Show ${product.name}` }).click();
    const report = panel
      .getByRole("table", { name: "Update reports" })
      .getByRole("row", { name: new RegExp(device.id) });
    await expect(report).toContainText("1.2.0 applied");
    await expectAccessible(page, "Products");
  });
});
