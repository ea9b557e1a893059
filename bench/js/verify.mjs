/*
 * Verify credentials with the JS reference stack (vc.verifyCredential, DataIntegrityProof,
 * eddsa-rdfc-2022, did:key through the Multikey library, only pinned contexts):
 *
 *   node verify.mjs [--now ISO] [FILE...] < lines
 *
 * Reads each FILE, or one JSON credential per line of stdin, and writes one line per
 * credential: {"verified": true|false, "error": null|"why"}. Exit 0 if all verified, 1 if
 * any did not.
 */
import {makeDocumentLoader, parseArgs, readDocuments, verifyCredential} from './lib.mjs';

const {options, positional} = parseArgs(process.argv.slice(2));
const documentLoader = makeDocumentLoader();
let allVerified = true;
for(const credential of readDocuments(positional)) {
  const result = await verifyCredential(credential, {documentLoader, now: options.now});
  allVerified &&= result.verified;
  process.stdout.write(JSON.stringify(result) + '\n');
}
process.exitCode = allVerified ? 0 : 1;
