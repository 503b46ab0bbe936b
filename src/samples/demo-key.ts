// THE DEMO KEY. It signs the digest files of the generated demo archive (samples/) and nothing real:
// it is published here, so a signature made with it proves only that this generator wrote the file.
// Its public half is written beside the archive as samples/integrity/public-keys.json, in the shape
// `aws cloudtrail list-public-keys` prints, so that `verify samples --public-keys … --signatures …`
// shows what a fully verified trail looks like. RSA PKCS #1 v1.5 signatures are deterministic: the
// same seed still gives a byte-identical archive. Never use this key, or trust a digest it signed.
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

const DEMO_PRIVATE_KEY_PEM = `
-----BEGIN RSA PRIVATE KEY-----
MIIEogIBAAKCAQEAkXrnM7rm8xskzhiwWJxi6ebI1dl09Jt+MHUW37kFkxIqAeK3
eptoDI4H5VOYeC33HQhPAYgrjSndbJXgo9YX7bKV6V4Ja1FtsNCre1aiMF4H9lQJ
qUD1XWxghFjIlEQv/01oNfSyz3WJ8ySeMFkLI728TzBMEXR34rwzp1hdfXMRiKsn
Exyh52I9l3UM4SuHmvnK/451RSBEnzdOpi8W1yQH/p4Ar0NQ682mhINK+ZC7xFTx
0pAqnERRipGKk+a5AQ5UaIcJ281J789ZY4gKR8FusKTRmQosWwdJji4O/E4ArCgk
99FiroFLUVqjaWy4V3CwxOLEHVQtehJ9WeGIrwIDAQABAoIBACy/h6dHSaukgUUt
neybqec1eDgjK9DjlUSVd4Q4Vqke0LIEyRga/j3CYFZfSMpKpTSWbirT9kV1B6lT
TqZGf9S69layeKY8hUd6YAzPoJLNEZjoz5Hyq6ZhZCzBXG0SrkrSxge2rVuX1Wdn
L4tCkGUdgvM+sV87GncxGZhTW2pvCE9uDbj/eeqiVZ6xoTqfjVLLa5AJB/uAwk9A
Iptnx/69WRhY74W7kAW0hZN3bA5ZkJ5+o3/nZVNQND6E9g1tTJyQ3hTeqg+8PZ+F
BVDJbYQgWZyONJ7S9BylwrFyjGUUAV50jySiBQeNamagAi3KvErR3d7VKWGOinsQ
Hv5CKh0CgYEAwolxlaLsYYbIYr+PPfKVqFUqCNuR3zu1z8cFl7/Xxucrnw2mNr9e
hGV3SXs5bSW8MVmtuFYMCdgUtGnCpObgFh18Ifd1kgv8u7dvC0Wtmem6W2XgZkG4
dQXDz95NiW94sGth16t5hgIjR+QH/3r5IbtHUcODyYicctxMsiulTn0CgYEAv3Gk
NyOIWrbj00ywxTuY3RChQVAAXsmsuVt/+d6LiiUGHvitEURpyipmWS0DCRp5qHtJ
PjdjdLtabC6XOocvCE7Hgc9E2bmgA5jZ9FJoDu5IBfCcSX82mpSXLcfC7yZoaStv
K5+ZHzePKrZE4hJqzJ6izmoOyTjbneu4UaY3f5sCgYA/UiWao1F13T1Uhy3E6DU2
eaIZB/9PPkxLuWhkoJlHsO9N8k9r+pZ1WeGeFXH3yRScq6gUHE4G1kLHBrXIny3J
hQdmtvmZ9DTrlSWb8a40LxPttBd6sWGtFZdLDf0HAzWxlwJeBP6lVATP3bWMvyZg
iGkKgC1haAokiPid9f70sQKBgHZydUu4LFET/vlo5aXiLb344Axs1w3OcZNtTUzn
qCYcqiDXcxzP2zQ9730VIF+thb/8J2DbHCnJETUFzoNjyHG3bDCgcNTUyG/xTkig
A8nZG66xI8FFeB9D+BVXFwCoHsmTGgE/iZmK4oVmqE/HXVSkgc58SBGvoBGhGjVK
ReQpAoGAPulnE+HlP3cqdQK/VdhbTcpigK6lkZoBL210/VGSOKxH4tlg/Rc0krhK
KKgPq6clJiOa50YiZmovasw5I8xdvNFZTRSJlu4MgHnX9xLJitWnnVnRDE2YWfEh
a/VHFhLAfuwwZCU+HLGR6cpYgdJloUEF1PWXyObMdG1DpDPwfPE=
-----END RSA PRIVATE KEY-----
`;

export interface DemoKey {
  privateKey: KeyObject;
  /** The public key as list-public-keys gives it: PKCS #1 DER. */
  publicDer: Buffer;
  /** As in digestPublicKeyFingerprint: AWS does not say how it is made; here the MD5 of the DER, in hex. */
  fingerprint: string;
}

let demo: DemoKey | undefined;

/** Parsed on first use only: runs that never sign pay nothing. */
export function demoKey(): DemoKey {
  if (!demo) {
    const privateKey = createPrivateKey(DEMO_PRIVATE_KEY_PEM.trim());
    const publicDer = createPublicKey(privateKey).export({ type: 'pkcs1', format: 'der' });
    demo = { privateKey, publicDer, fingerprint: createHash('md5').update(publicDer).digest('hex') };
  }
  return demo;
}
