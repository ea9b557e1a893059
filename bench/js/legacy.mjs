/*
 * The legacy stack most of the ecosystem's Open Badges 3.0 were issued with — the
 * Digital Credentials Consortium's signing-service and credential-status-manager, and
 * many university badges — as sign-legacy.mjs and verify-legacy.mjs share it:
 *
 *   - proofs: `Ed25519Signature2020` (@digitalbazaar/ed25519-signature-2020), signed by
 *     vc.issue with an `Ed25519VerificationKey2020` key whose id is did:key:z6Mk…#z6Mk…
 *     (DCC signing-service `getSigningMaterial`: Ed25519VerificationKey2020.generate
 *     from a seed, then the did:key driver's `fromKeyPair`);
 *   - status: W3C CCG Status List 2021 (@digitalbazaar/vc-status-list; DCC's
 *     @digitalcredentials/vc-status-list is a fork of it with the same StatusList code):
 *     a `StatusList2021Credential` (VC 1.1) as `createCredential` makes it, with issuer
 *     and issuanceDate added and signed like a credential (credential-status-manager
 *     `composeStatusCredential`, then `signCredential`), and `StatusList2021Entry`s.
 *
 * Contexts come from lib.mjs (the published ones, from npm: the suite context from
 * ed25519-signature-2020-context, the Status List 2021 context from
 * @digitalbazaar/vc-status-list-context); nothing here touches the network.
 */
import './offline.mjs';

import {readFileSync} from 'node:fs';

import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as statusList from '@digitalbazaar/vc-status-list';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import {
  Ed25519VerificationKey2020
} from '@digitalbazaar/ed25519-verification-key-2020';

import {describe, didKeyDriver, makeDocumentLoader, publishedContexts} from './lib.mjs';

/** A did:key driver whose Ed25519 verification methods are Ed25519VerificationKey2020
 * (what DCC's issuers and wallets resolve did:key to). */
export function legacyDidKeyDriver() {
  return didKeyDriver({ed25519: Ed25519VerificationKey2020.from});
}

/** The document loader of the legacy stack: published contexts, did:key with
 * Ed25519VerificationKey2020 methods, and `lists` (url -> status list credential). */
export function makeLegacyDocumentLoader({lists = {}} = {}) {
  return makeDocumentLoader(publishedContexts(), {
    didKey: legacyDidKeyDriver(), documents: new Map(Object.entries(lists))
  });
}

/** The Ed25519VerificationKey2020 signing key of a microcred Ed25519 key file
 * ({"publicKeyMultibase", "secretKeyMultibase"}), made as DCC's signing-service makes
 * it from its seed: the same key, its did:key as controller, did:key:z6Mk…#z6Mk… as id. */
export async function readLegacyKey(path) {
  const {publicKeyMultibase, secretKeyMultibase} = JSON.parse(readFileSync(path, 'utf8'));
  if(!publicKeyMultibase.startsWith('z6Mk')) {
    throw new Error(`not an Ed25519 Multikey: ${publicKeyMultibase}`);
  }
  const multikey = await Ed25519Multikey.from({publicKeyMultibase, secretKeyMultibase});
  const {d} = await Ed25519Multikey.toJwk({keyPair: multikey, secretKey: true});
  const verificationKeyPair = await Ed25519VerificationKey2020.generate(
    {seed: Buffer.from(d, 'base64url')});
  const {methodFor} = await legacyDidKeyDriver().fromKeyPair({verificationKeyPair});
  const method = methodFor({purpose: 'assertionMethod'});
  if(method.publicKeyMultibase !== publicKeyMultibase) {
    throw new Error('the Ed25519VerificationKey2020 is not the key of the key file');
  }
  return Ed25519VerificationKey2020.from({
    type: method.type, id: method.id, controller: method.controller,
    publicKeyMultibase, privateKeyMultibase: verificationKeyPair.privateKeyMultibase
  });
}

/** Sign a credential with an Ed25519Signature2020 proof (vc.issue; the suite context is
 * added to `@context` when missing, as jsonld-signatures does for DCC); `date` becomes
 * proof.created. */
export async function signLegacy(credential, {key, date, documentLoader}) {
  const suite = new Ed25519Signature2020({key, date});
  return vc.issue({credential: structuredClone(credential), suite, documentLoader});
}

/** The unsigned StatusList2021Credential of a list of `length` entries with the entries
 * `set` on, for `statusPurpose`, issued by `issuer` on `issuanceDate`. */
export async function statusListCredential(
  {id, statusPurpose = 'revocation', length, set = []}, {issuer, issuanceDate}) {
  const list = await statusList.createList({length});
  for(const index of set) {
    list.setStatus(index, true);
  }
  const credential = await statusList.createCredential({id, list, statusPurpose});
  return {...credential, issuer, issuanceDate};
}

/** Verify a legacy credential with vc.verifyCredential (Ed25519Signature2020) and, when
 * it has a credentialStatus, @digitalbazaar/vc-status-list's checkStatus (the list's
 * proof verified, issuers compared). Returns {verified, error, status, statusError}:
 * `status` is null without credentialStatus, else whether the status check passed
 * (false when revoked or suspended, or when the list could not be used: `statusError`). */
export async function verifyLegacy(credential, {documentLoader, now}) {
  const suite = new Ed25519Signature2020();
  const checkStatus = options => statusList.checkStatus(
    {...options, verifyStatusListCredential: true, verifyMatchingIssuers: true});
  const result = await vc.verifyCredential(
    {credential, suite, documentLoader, now, checkStatus});
  const {statusResult} = result;
  return {
    verified: result.verified === true,
    error: describe(result),
    status: statusResult ? statusResult.verified === true : null,
    statusError: statusResult?.error?.message ?? null
  };
}
