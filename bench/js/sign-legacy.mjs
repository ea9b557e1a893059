/*
 * Issue credentials and status lists as the Digital Credentials Consortium's stack does
 * (legacy.mjs): Ed25519Signature2020 proofs by an Ed25519VerificationKey2020 did:key,
 * and Status List 2021 lists.
 *
 *   node sign-legacy.mjs --key KEY.json [--created ISO] [FILE...]
 *
 * KEY.json is a microcred Ed25519 key file; the issuer is its did:key. Reads each FILE,
 * or one JSON document per line of stdin, and writes one signed document per line:
 *
 *   - a credential is signed as it is (an Ed25519Signature2020 proof; the suite context
 *     is appended to its @context if missing);
 *   - {"statusList2021": {"id": URL, "statusPurpose": "revocation", "length": N,
 *     "set": [INDEX, ...]}} becomes that StatusList2021Credential, issued by the key's
 *     did:key on --created, signed the same way.
 *
 * Exit 1 (message on stderr) if a document cannot be signed, 2 on a usage error.
 */
import {parseArgs, readDocuments} from './lib.mjs';
import {
  makeLegacyDocumentLoader, readLegacyKey, signLegacy, statusListCredential
} from './legacy.mjs';

const {options, positional} = parseArgs(process.argv.slice(2));
if(!options.key) {
  console.error('usage: node sign-legacy.mjs --key KEY.json [--created ISO] [FILE...]');
  process.exit(2);
}
const key = await readLegacyKey(options.key);
const date = options.created;
const documentLoader = makeLegacyDocumentLoader();
let failed = false;
for(const document of readDocuments(positional)) {
  try {
    const unsigned = document.statusList2021 ?
      await statusListCredential(document.statusList2021, {
        issuer: key.controller,
        issuanceDate: date ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z')
      }) :
      document;
    const signed = await signLegacy(unsigned, {key, date, documentLoader});
    process.stdout.write(JSON.stringify(signed) + '\n');
  } catch(error) {
    console.error(`cannot sign: ${error.message}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
