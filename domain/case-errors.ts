/**
 * An action the case's current state or the actor's authority does not allow.
 * Update validators throw it, so a rejected action changes nothing; the API maps it
 * to 409 (state), 403 (authority), 422 (invalid) or 404 (another organisation's case:
 * for a stranger it does not exist).
 */
export class ActionRejected extends Error {
  constructor(
    message: string,
    readonly reason: 'STATE' | 'FORBIDDEN' | 'INVALID' | 'NOT_FOUND' = 'STATE',
  ) {
    super(message);
    this.name = 'ActionRejected';
  }
}
