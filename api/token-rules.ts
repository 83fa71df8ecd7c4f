// Which bearer tokens the API accepts: HS256 signed with the shared secret, or RS256/ES256
// signed by a key in the identity provider's JWKS. Every token must say when it expires,
// and may not live longer than the configured maximum (a token minted for a year is refused).
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** Clocks of the issuer and this server may differ by this much (seconds). */
export const CLOCK_SKEW_SECONDS = 60;

export interface TokenRules {
  /** HS256 secret (AUTH_JWT_SECRET). */
  secret: string;
  /** The longest exp − iat (or exp − now without iat) accepted, in seconds. */
  maxLifetimeSeconds: number;
  issuer?: string;
  audience?: string;
  /** An identity provider's key set; unset → only HS256 tokens are accepted. */
  jwksUrl?: string;
}

/** Why a token was refused, in words that never repeat the token itself. */
export class TokenRefused extends Error {}

/** The identity provider's key set could not be read: not the caller's fault. */
export class KeySetUnavailable extends Error {}

export type VerifyToken = (token: string) => Promise<JWTPayload>;

export function tokenVerifier(rules: TokenRules): VerifyToken {
  const secretKey = new TextEncoder().encode(rules.secret);
  const keySet = rules.jwksUrl ? createRemoteJWKSet(new URL(rules.jwksUrl)) : undefined;
  const algorithms = keySet ? ['HS256', 'RS256', 'ES256'] : ['HS256'];
  const keyFor: JWTVerifyGetKey = async (header, token) => {
    if (header.alg === 'HS256') return secretKey;
    if (!keySet) throw new TokenRefused('the token is signed with an algorithm this API does not accept');
    try {
      return await keySet(header, token);
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) throw err;
      throw new KeySetUnavailable('the identity provider\'s signing keys could not be read');
    }
  };
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keyFor, {
        algorithms,
        requiredClaims: ['exp'],
        clockTolerance: CLOCK_SKEW_SECONDS,
        ...(rules.issuer ? { issuer: rules.issuer } : {}),
        ...(rules.audience ? { audience: rules.audience } : {}),
      }));
    } catch (err) {
      if (err instanceof TokenRefused || err instanceof KeySetUnavailable) throw err;
      throw new TokenRefused(reasonFor(err));
    }
    checkLifetime(payload, rules.maxLifetimeSeconds);
    return payload;
  };
}

/** jose checks exp and nbf; the issue time and the lifetime are ours to bound. */
function checkLifetime(payload: JWTPayload, maxSeconds: number): void {
  const now = Math.floor(Date.now() / 1000);
  if (payload.iat !== undefined && payload.iat > now + CLOCK_SKEW_SECONDS) throw new TokenRefused('the token claims to be issued in the future (iat)');
  const lifetime = payload.exp! - (payload.iat ?? now);
  if (lifetime > maxSeconds) throw new TokenRefused(`the token lives longer than the ${maxSeconds} s this API accepts (exp)`);
}

function reasonFor(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'the token has expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.reason === 'missing') return `the token lacks the ${err.claim} claim`;
    if (err.claim === 'nbf') return 'the token is not valid yet (nbf)';
    if (err.claim === 'iss') return 'the token was issued by an issuer this API does not accept (iss)';
    if (err.claim === 'aud') return 'the token is meant for another audience (aud)';
    return `the token's ${err.claim} claim is not valid`;
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm this API does not accept';
  if (err instanceof errors.JWKSNoMatchingKey) return 'the token is signed by a key the identity provider does not publish';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'the token\'s signature is not valid';
  return 'the token is malformed or its signature is not valid';
}
