/*
 * Sign credentials with the JS reference stack (vc.issue, DataIntegrityProof,
 * eddsa-rdfc-2022):
 *
 *   node sign.mjs --key KEY.json [--created 2025-06-20T00:00:00Z] [FILE...] < lines
 *
 * KEY.json is a microcred Ed25519 key file ({"publicKeyMultibase", "secretKeyMultibase"});
 * the verification method is its did:key. Reads each FILE, or one JSON credential per line
 * of stdin, and writes one signed credential per line. Exit 1 (message on stderr) if one
 * cannot be signed, 2 on a usage error.
 */
import {
  makeDocumentLoader, parseArgs, readDocuments, readKeyPair, signCredential
} from './lib.mjs';

const {options, positional} = parseArgs(process.argv.slice(2));
if(!options.key) {
  console.error('usage: node sign.mjs --key KEY.json [--created ISO] [FILE...]');
  process.exit(2);
}
const keyPair = await readKeyPair(options.key);
const documentLoader = makeDocumentLoader();
let failed = false;
for(const credential of readDocuments(positional)) {
  try {
    const signed = await signCredential(
      credential, {keyPair, date: options.created, documentLoader});
    process.stdout.write(JSON.stringify(signed) + '\n');
  } catch(error) {
    console.error(`cannot sign: ${error.message}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
