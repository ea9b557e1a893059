/*
 * Verify credentials as the legacy JS stack does (legacy.mjs): vc.verifyCredential with
 * Ed25519Signature2020, did:key resolved to Ed25519VerificationKey2020 methods, and the
 * Status List 2021 check of @digitalbazaar/vc-status-list (the list's proof verified,
 * same issuer), the lists served from a local file, offline:
 *
 *   node verify-legacy.mjs [--now ISO] [--lists LISTS.json] [FILE...]
 *
 * LISTS.json maps each status list URL to its StatusList2021Credential. Reads each FILE,
 * or one JSON credential per line of stdin, and writes one line per credential:
 *   {"verified": bool, "error": null|"why", "status": null|bool,
 *    "statusError": null|"why", "network": [...]}
 * (`status`: null without credentialStatus, false when revoked or suspended or the list
 * cannot be used). Exit 0 if all verified, 1 if any did not.
 */
import {readFileSync} from 'node:fs';

import {networkAttempts, parseArgs, readDocuments} from './lib.mjs';
import {makeLegacyDocumentLoader, verifyLegacy} from './legacy.mjs';

const {options, positional} = parseArgs(process.argv.slice(2));
const lists = options.lists ? JSON.parse(readFileSync(options.lists, 'utf8')) : {};
const documentLoader = makeLegacyDocumentLoader({lists});
let allVerified = true;
for(const credential of readDocuments(positional)) {
  networkAttempts.length = 0;
  const result = await verifyLegacy(credential, {documentLoader, now: options.now});
  allVerified &&= result.verified;
  process.stdout.write(JSON.stringify({...result, network: [...networkAttempts]}) + '\n');
}
process.exitCode = allVerified ? 0 : 1;
