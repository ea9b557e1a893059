/*
 * Verify credentials with the JS reference stack (vc.verifyCredential, DataIntegrityProof
 * with eddsa-rdfc-2022, eddsa-jcs-2022 or ecdsa-rdfc-2019, did:key through Digital
 * Bazaar's did:key driver, only the published contexts of the npm context packages):
 *
 *   node verify.mjs [--now ISO] [FILE...] < lines
 *
 * Reads each FILE, or one JSON credential per line of stdin, and writes one line per
 * credential: {"verified": true|false, "error": null|"why", "network": [...]} (`network`:
 * the network accesses it attempted, each refused). Exit 0 if all verified, 1 if any did
 * not.
 */
import {
  makeDocumentLoader, networkAttempts, parseArgs, readDocuments, verifyCredential
} from './lib.mjs';

const {options, positional} = parseArgs(process.argv.slice(2));
const documentLoader = makeDocumentLoader();
let allVerified = true;
for(const credential of readDocuments(positional)) {
  networkAttempts.length = 0;
  const result = await verifyCredential(credential, {documentLoader, now: options.now});
  allVerified &&= result.verified;
  process.stdout.write(JSON.stringify({...result, network: [...networkAttempts]}) + '\n');
}
process.exitCode = allVerified ? 0 : 1;
