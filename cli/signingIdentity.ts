import fs from 'node:fs';
import { systemClock } from '../core/clock';
import { assertValidAt, readP12, type SigningIdentity } from '../core/signing/certificates';
import { certificatePassphrase, requireInputFile, type CliIo } from './args';

/** The certificate of `--sign --cert FILE.p12`, unlocked with MDO_CERT_PASSPHRASE and valid today. */
export function signingIdentity(file: string, io: CliIo): SigningIdentity {
  requireInputFile(file, 'certificate file', 2);
  const identity = readP12(fs.readFileSync(file), certificatePassphrase(io));
  assertValidAt(identity.certificate, (io.clock ?? systemClock).now());
  return identity;
}
