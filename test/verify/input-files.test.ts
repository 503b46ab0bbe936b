import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePublicKeys, parseSignatures } from '../../src/verify/index.js';

const KEY = 'AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2026/03/01/111122223333_CloudTrail-Digest_eu-west-1_t_us-east-1_20260301T010131Z.json.gz';

describe('signatures file', () => {
  it('reads JSON and the text lines the README loop writes, keys in any of s3://, bucket/ or bare form', () => {
    const json = parseSignatures(JSON.stringify({ [`s3://bucket/prefix/${KEY}`]: 'ABCD' }), 'sig.json');
    expect([...json]).toEqual([[KEY, 'abcd']]);
    const text = parseSignatures(`# captured 2026-03-02\n${KEY}\tab12\nbucket/${KEY.replace('010131', '020131')} cd34\n\n`, 'sig.tsv');
    expect(text.get(KEY)).toBe('ab12');
    expect(text.size).toBe(2);
  });

  it('skips None (what --output text prints for absent metadata) and says what is wrong otherwise', () => {
    expect(parseSignatures(`${KEY}\tNone\n`, 's').size).toBe(0);
    expect(() => parseSignatures(`${KEY}\tnot-hex\n`, 's')).toThrow(/s:1: the signature for .* is not hexadecimal/);
    expect(() => parseSignatures('elsewhere/file.json.gz ab\n', 's')).toThrow(/not a digest key/);
    expect(() => parseSignatures('{"a": ', 's')).toThrow(/not JSON/);
    expect(() => parseSignatures(`${KEY} ab cd\n`, 's')).toThrow(/expected '<digest key> <hex signature>'/);
  });
});

describe('public keys file', () => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const pkcs1 = publicKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');
  const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

  it("reads list-public-keys output (PKCS #1 DER), several outputs in an array, and the guide's publicKeyList spelling", () => {
    const one = parsePublicKeys(JSON.stringify({ PublicKeyList: [{ Value: pkcs1, Fingerprint: 'AB12', ValidityStartTime: 1453076702.0 }] }), 'k');
    expect(one.map((k) => k.fingerprint)).toEqual(['ab12']);
    expect(one[0].key.asymmetricKeyType).toBe('rsa');
    const many = parsePublicKeys(
      JSON.stringify([{ PublicKeyList: [{ Value: pkcs1, Fingerprint: 'a' }] }, { publicKeyList: [{ Value: spki, Fingerprint: 'b' }] }]),
      'k',
    );
    expect(many.map((k) => k.fingerprint)).toEqual(['a', 'b']);
  });

  it('refuses files it cannot use, saying which command to run', () => {
    expect(() => parsePublicKeys('{}', 'keys.json')).toThrow(/keys.json: no PublicKeyList entries; save the output of 'aws cloudtrail list-public-keys'/);
    expect(() => parsePublicKeys(JSON.stringify({ PublicKeyList: [{ Value: 'AAAA', Fingerprint: 'x' }] }), 'k')).toThrow(/not a DER RSA public key/);
    expect(() => parsePublicKeys('nope', 'k')).toThrow(/not JSON/);
  });
});
