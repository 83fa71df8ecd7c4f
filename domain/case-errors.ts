/**
 * An action the case's current state or the actor's authority does not allow.
 * Update validators throw it, so a rejected action changes nothing; the API maps it
 * to 409 (state) or 403 (authority).
 */
export class ActionRejected extends Error {
  constructor(
    message: string,
    readonly reason: 'STATE' | 'FORBIDDEN' | 'INVALID' = 'STATE',
  ) {
    super(message);
    this.name = 'ActionRejected';
  }
}
