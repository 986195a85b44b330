import { fileRoute } from "@/lib/http/file-route";

// GET|PUT|DELETE /files/<signed grant> — the file store's signed URLs (docs/api.md#files).
export const { GET, HEAD, PUT, DELETE, POST, PATCH, OPTIONS } = fileRoute;
