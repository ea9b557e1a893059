/*
 * What sign.mjs, verify.mjs, canonize.mjs and bench.mjs share: the JS reference stack
 * (Digital Bazaar vc 7 + Data Integrity + eddsa-rdfc-2022), a document loader that serves
 * ONLY microcred's pinned contexts and did:key documents, and the key file reader.
 *
 * The contexts come from microcred's own pinned files (src/microcred/credentials/contexts/
 * manifest.json + files/, or the folder in $MICROCRED_CONTEXTS with the same layout), each
 * checked against the sha256 the manifest records. Any other URL is refused: the reference
 * stack never touches the network here, exactly like microcred's loader.
 */
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULT_CONTEXTS = join(HERE, '..', '..', 'src', 'microcred', 'credentials', 'contexts');
const DID_CONTEXT_V1 = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_CONTEXT_V1 = 'https://w3id.org/security/multikey/v1';
// an Ed25519 public Multikey: multibase base58-btc 'z' + multicodec 0xed01 + 32 bytes
const ED25519_MULTIKEY = /^z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/;

/** url -> parsed context, from microcred's manifest.json; every file's sha256 checked. */
export function loadPinnedContexts(folder = process.env.MICROCRED_CONTEXTS || DEFAULT_CONTEXTS) {
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
  const contexts = new Map();
  for(const [url, {file, sha256}] of Object.entries(manifest)) {
    const bytes = readFileSync(join(folder, 'files', file));
    const digest = createHash('sha256').update(bytes).digest('hex');
    if(digest !== sha256) {
      throw new Error(`pinned context ${url} does not match its sha256`);
    }
    contexts.set(url, JSON.parse(bytes.toString('utf8')));
  }
  return contexts;
}

/** The DID document (or, with a fragment, the verification method) of an Ed25519
 * did:key, built by the Multikey library from the key the DID itself holds. */
async function resolveDidKey(url) {
  const [did, fragment] = url.split('#');
  const fingerprint = did.slice('did:key:'.length);
  if(!ED25519_MULTIKEY.test(fingerprint)) {
    throw new Error(`refused: ${did} is not an Ed25519 did:key`);
  }
  const id = `${did}#${fingerprint}`;
  const key = await Ed25519Multikey.from({
    '@context': MULTIKEY_CONTEXT_V1, type: 'Multikey', id, controller: did,
    publicKeyMultibase: fingerprint
  });
  const method = await key.export({publicKey: true, includeContext: true});
  if(fragment !== undefined) {
    if(fragment !== fingerprint) {
      throw new Error(`refused: ${url} is not a verification method of ${did}`);
    }
    return method;
  }
  const {'@context': _unused, ...embedded} = method;
  return {
    '@context': [DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1],
    id: did,
    verificationMethod: [embedded],
    authentication: [id],
    assertionMethod: [id],
    capabilityDelegation: [id],
    capabilityInvocation: [id]
  };
}

/** A jsonld.js document loader: pinned contexts and did:key only, never the network. */
export function makeDocumentLoader(contexts = loadPinnedContexts()) {
  return async function documentLoader(url) {
    if(contexts.has(url)) {
      return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
    }
    if(typeof url === 'string' && url.startsWith('did:key:')) {
      return {contextUrl: null, documentUrl: url, document: await resolveDidKey(url)};
    }
    throw new Error(`refused: ${url} is not a pinned context (no network access)`);
  };
}

/** A signing key pair from a key file: {"publicKeyMultibase", "secretKeyMultibase"}
 * (microcred's key file format); its id is the did:key verification method. */
export async function readKeyPair(path) {
  const {publicKeyMultibase, secretKeyMultibase} = JSON.parse(readFileSync(path, 'utf8'));
  const controller = `did:key:${publicKeyMultibase}`;
  return Ed25519Multikey.from({
    '@context': MULTIKEY_CONTEXT_V1, type: 'Multikey',
    id: `${controller}#${publicKeyMultibase}`, controller,
    publicKeyMultibase, secretKeyMultibase
  });
}

/** Sign one credential with vc.issue (eddsa-rdfc-2022); `date` becomes proof.created. */
export async function signCredential(credential, {keyPair, date, documentLoader}) {
  const suite = new DataIntegrityProof({
    signer: keyPair.signer(), date, cryptosuite: eddsaRdfc2022
  });
  // vc.issue adds `proof` to the object it is given: give it a shallow copy
  return vc.issue({credential: {...credential}, suite, documentLoader});
}

/** Verify one credential with vc.verifyCredential; returns {verified, error}. */
export async function verifyCredential(credential, {documentLoader, now}) {
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const result = await vc.verifyCredential({credential, suite, documentLoader, now});
  return {verified: result.verified === true, error: describe(result)};
}

function describe(result) {
  if(result.verified) {
    return null;
  }
  const errors = [];
  const collect = error => {
    if(!error) {
      return;
    }
    if(Array.isArray(error)) {
      error.forEach(collect);
      return;
    }
    if(error.errors) {
      collect(error.errors);
    }
    errors.push(error.message || String(error));
  };
  collect(result.error);
  for(const item of result.results || []) {
    collect(item.error);
  }
  return [...new Set(errors)].join('; ') || 'not verified';
}

/** Parse argv: --name value pairs; the rest are positional. */
export function parseArgs(argv) {
  const options = {};
  const positional = [];
  for(let i = 0; i < argv.length; ++i) {
    if(argv[i].startsWith('--')) {
      options[argv[i].slice(2)] = argv[i + 1];
      ++i;
    } else {
      positional.push(argv[i]);
    }
  }
  return {options, positional};
}

/** The JSON documents to work on: each file named, or else one per line of stdin. */
export function readDocuments(files) {
  if(files.length) {
    return files.map(file => JSON.parse(readFileSync(file, 'utf8')));
  }
  return readFileSync(0, 'utf8').split('\n').filter(line => line.trim())
    .map(line => JSON.parse(line));
}
