export default function Home() {
  return (
    <main className="mx-auto max-w-2xl p-8">
      <h1 className="text-2xl font-semibold text-brand">Fleetport</h1>
      <p className="mt-4">
        An open device cloud compatible with the EmbedThis Ioto cloud API. The API reference is at{" "}
        <a className="text-brand underline" href="/swagger">/swagger</a> (OpenAPI document:{" "}
        <a className="text-brand underline" href="/api/openapi.json">/api/openapi.json</a>).
      </p>
    </main>
  );
}
