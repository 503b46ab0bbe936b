// The opaque blob EC2 appends to refusals (decodable only with sts:DecodeAuthorizationMessage).
// Real blobs are long base64url strings; these have the same alphabet and rough length.
import type { Prng } from './prng.js';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function encodedAuthorizationMessage(rng: Prng, length: number): string {
  return rng.chars(BASE64URL, length);
}
