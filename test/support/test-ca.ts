import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throw-away certificate authority and a server certificate for 127.0.0.1 and localhost, made with the openssl CLI. */
export interface TestCa {
  /** PEM file of the CA certificate: pass it in NODE_EXTRA_CA_CERTS. */
  caPath: string;
  serverKey: string;
  serverCert: string;
  /**
   * Makes a self-signed client certificate and key with openssl, as an app registration's credential:
   * `pemPath` holds the certificate and the private key (AZURE_CLIENT_CERTIFICATE_PATH), `certificate`
   * only the certificate (what is uploaded to the registration), `privateKey` only the key.
   */
  createClientCertificate(name: string): { pemPath: string; certificate: string; privateKey: string };
  dispose(): void;
}

export function createTestCa(): TestCa {
  const dir = mkdtempSync(path.join(tmpdir(), 'headroom-ca-'));
  const file = (name: string): string => path.join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'pipe' });
  };
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', '/CN=Headroom test CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=127.0.0.1');
  writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n');
  openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('server.pem'), '-days', '2', '-extfile', file('server.ext'));
  return {
    caPath: file('ca.pem'),
    serverKey: readFileSync(file('server.key'), 'utf8'),
    serverCert: readFileSync(file('server.pem'), 'utf8'),
    createClientCertificate: (name) => {
      openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file(`${name}.key`), '-out', file(`${name}.crt`), '-days', '2', '-subj', `/CN=${name}`);
      const certificate = readFileSync(file(`${name}.crt`), 'utf8');
      const privateKey = readFileSync(file(`${name}.key`), 'utf8');
      writeFileSync(file(`${name}.pem`), `${certificate}${privateKey}`, { mode: 0o600 });
      return { pemPath: file(`${name}.pem`), certificate, privateKey };
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
