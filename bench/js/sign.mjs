/*
 * Sign credentials with the JS reference stack (vc.issue, DataIntegrityProof):
 *
 *   node sign.mjs --key KEY.json [--suite eddsa-rdfc-2022] [--created ISO] [FILE...]
 *
 * KEY.json is a microcred key file ({"publicKeyMultibase", "secretKeyMultibase"}; Ed25519
 * for eddsa-rdfc-2022 and eddsa-jcs-2022, P-256 for ecdsa-rdfc-2019); the verification
 * method is its did:key. Reads each FILE, or one JSON credential per line of stdin, and
 * writes one signed credential per line. Exit 1 (message on stderr) if one cannot be
 * signed, 2 on a usage error.
 */
import {
  CRYPTOSUITES, makeDocumentLoader, parseArgs, readDocuments, readKeyPair, signCredential
} from './lib.mjs';

const {options, positional} = parseArgs(process.argv.slice(2));
const suite = options.suite ?? 'eddsa-rdfc-2022';
if(!options.key || !Object.hasOwn(CRYPTOSUITES, suite)) {
  console.error('usage: node sign.mjs --key KEY.json [--suite ' +
    `${Object.keys(CRYPTOSUITES).join('|')}] [--created ISO] [FILE...]`);
  process.exit(2);
}
const keyPair = await readKeyPair(options.key);
const documentLoader = makeDocumentLoader();
let failed = false;
for(const credential of readDocuments(positional)) {
  try {
    const signed = await signCredential(
      credential, {keyPair, date: options.created, documentLoader, suite});
    process.stdout.write(JSON.stringify(signed) + '\n');
  } catch(error) {
    console.error(`cannot sign: ${error.message}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
