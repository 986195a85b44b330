/** A timestamp in the reader's locale, or a dash when there is none. */
export const formatTime = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : "—");
