import { createHmac } from 'node:crypto';

/**
 * The stored form of a key's secret: HMAC-SHA256 keyed with the service's pepper, in hex. A
 * leaked keys file alone gives no usable key, and the pepper alone gives none either.
 */
export function digestSecret(pepper: string, secret: string): string {
  return createHmac('sha256', pepper).update(secret, 'utf8').digest('hex');
}
