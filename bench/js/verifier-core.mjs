/*
 * Verify credentials with @digitalcredentials/verifier-core (what the Learner Credential
 * Wallet and VerifierPlus run), offline, with no issuer registry:
 *
 *   node verifier-core.mjs [--schema OB3_ACHIEVEMENTCREDENTIAL_SCHEMA.json] [FILE...]
 *
 * verifier-core brings its own document loader (@digitalcredentials/security-document-
 * loader with `fetchRemoteContexts: true`: the contexts of its npm packages, did:key and
 * did:web, and any other http(s) URL fetched over the network) and validates the
 * credential against its JSON Schema (`credentialSchema`, or one guessed for OB 3.0),
 * fetched over the network. Neither can be replaced from outside, so ./offline.mjs
 * refuses and records every network access; `--schema FILE` serves the OB 3.0
 * AchievementCredential JSON Schema (a copy of the published file) at its published URL,
 * so that the schema check runs too.
 *
 * Writes one line per credential:
 *   {"accepted": bool, "steps": {"valid_signature": true, "expiration": true,
 *    "registered_issuer": false, ...}, "errors": ["name: message", ...],
 *    "schema": [{"schema": URL, "valid": bool, "errors": [...]}] | "NO_SCHEMA" | "...",
 *    "network": ["fetch https://...", ...]}
 * `accepted`: no fatal error, the signature and the expiry (and the revocation status,
 * if the credential has one) checks pass, and no network access was attempted; the
 * issuer-registry step is left aside (there is no registry). Exit 0 if all accepted.
 */
import {networkAttempts, serve} from './offline.mjs';

import {readFileSync} from 'node:fs';

import {parseArgs, readDocuments} from './lib.mjs';

// verifier-core reports a schema it cannot load with console.log: keep stdout for answers
console.log = console.error;
const {verifyCredential} = await import('@digitalcredentials/verifier-core');

const OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
const REQUIRED_STEPS = ['valid_signature', 'expiration'];

const {options, positional} = parseArgs(process.argv.slice(2));
if(options.schema) {
  serve(OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA, readFileSync(options.schema, 'utf8'));
}

function summarize(result, network) {
  const steps = Object.fromEntries((result.log || []).map(
    ({id, valid, error}) => [id, valid ?? `error: ${error?.name}: ${error?.message}`]));
  const errors = (result.errors || []).map(({name, message}) => `${name}: ${message}`);
  const schemaCheck = (result.additionalInformation || [])
    .find(({id}) => id === 'schema_check');
  const schema = Array.isArray(schemaCheck?.results) ?
    schemaCheck.results.map(({schema: url, result: {valid, errors: why}}) => ({
      schema: url, valid,
      errors: (why || []).map(({instancePath, message}) => `${instancePath} ${message}`)
    })) :
    schemaCheck?.results ?? null;
  const accepted = errors.length === 0 && network.length === 0 &&
    REQUIRED_STEPS.every(step => steps[step] === true) &&
    [undefined, true].includes(steps.revocation_status);
  return {accepted, steps, errors, schema, network};
}

let allAccepted = true;
for(const credential of readDocuments(positional)) {
  networkAttempts.length = 0;
  const result = await verifyCredential({credential, knownDIDRegistries: []});
  const answer = summarize(result, [...networkAttempts]);
  allAccepted &&= answer.accepted;
  process.stdout.write(JSON.stringify(answer) + '\n');
}
process.exitCode = allAccepted ? 0 : 1;
