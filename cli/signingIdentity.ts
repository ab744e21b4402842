import fs from 'node:fs';
import { systemClock } from '../core/clock';
import type { Clock } from '../core/clock';
import { nl } from '../core/i18n/nl';
import { assertValidAt, readP12, summarize, type SigningIdentity } from '../core/signing/certificates';
import { signDocx } from '../core/signing/signDocx';
import { certificatePassphrase, refuseToReplace, requireInputFile, UsageError, type CliIo } from './args';

/** The certificate of `--sign --cert FILE.p12`, unlocked with MDO_CERT_PASSPHRASE and valid today. */
export function signingIdentity(file: string, io: CliIo): SigningIdentity {
  requireInputFile(file, 'certificate file', 2);
  const identity = readP12(fs.readFileSync(file), certificatePassphrase(io));
  assertValidAt(identity.certificate, (io.clock ?? systemClock).now());
  return identity;
}

/**
 * The checked `--out FILE.docx [--sign --cert FILE.p12] [--force]` of a DOCX export. The certificate is
 * read here, before any database is opened: a wrong passphrase stops before anything is read or changed.
 */
export function docxTarget(
  values: { out?: string; sign?: boolean; cert?: string; force?: boolean },
  io: CliIo,
): { out: string; identity: SigningIdentity | undefined } {
  const out = values.out;
  if (typeof out !== 'string' || !out.toLowerCase().endsWith('.docx')) throw new UsageError('--out FILE.docx is required');
  if (!!values.sign !== (typeof values.cert === 'string')) throw new UsageError('--sign and --cert FILE.p12 go together');
  refuseToReplace(out, values.force);
  return { out, identity: values.sign ? signingIdentity(values.cert!, io) : undefined };
}

/** The DOCX signed with the certificate (its role in the signature) when one was given. */
export function signedIfAsked(bytes: Uint8Array, identity: SigningIdentity | undefined, clock: Clock): Uint8Array {
  if (!identity) return bytes;
  return signDocx(bytes, identity, { at: clock.now(), role: summarize(identity.certificate).role, purpose: nl.docs.signPurpose });
}
