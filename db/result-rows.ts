// The rows of a raw `db.execute`: postgres-js returns them as the result, PGlite as `.rows`.
export function resultRows(result: unknown): Record<string, unknown>[] {
  return Array.isArray(result) ? (result as Record<string, unknown>[]) : ((result as { rows?: Record<string, unknown>[] }).rows ?? []);
}
