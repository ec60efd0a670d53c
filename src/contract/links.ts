/** Public URLs of the HTTP API that other places print: citations, rendered replies, the report. */

/** The human-readable page of a passage, root-relative. */
export function passagePagePath(id: string): string {
  return `/passages/${encodeURIComponent(id)}`;
}
