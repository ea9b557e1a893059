/*
 * Timing worker for bench/credentials.py: the JS reference stack's sign / verify /
 * canonicalize rates, measured in this one node process (single-threaded, like the
 * Python side), on the credentials the Python side wrote:
 *
 *   node bench.mjs --key KEY.json --unsigned UNSIGNED.jsonl --signed SIGNED.jsonl \
 *                  --created ISO [--now ISO]
 *
 * It then reads one command per line of stdin and answers each with one JSON line, so
 * that the Python side can alternate rounds (JS round, Python round, ...) and both see
 * the same machine load:
 *
 *   {"op": "sign"}      sign every unsigned credential  -> {"seconds", "count"}
 *   {"op": "verify"}    verify every signed credential  -> {"seconds", "count", "verified"}
 *   {"op": "canonize"}  RDFC-1.0 of every unsigned one  -> {"seconds", "count"}
 *   {"op": "results"}   -> {"proofValues": [...], "nquads": "<N-Quads of the first>"}
 *
 * `seconds` is wall time (performance.now) for the whole batch, one credential after
 * the other; node startup and module loading are not in it.
 */
import {createInterface} from 'node:readline';
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';

import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {
  makeDocumentLoader, parseArgs, readKeyPair, signCredential, verifyCredential
} from './lib.mjs';

const {options} = parseArgs(process.argv.slice(2));
const readLines = path => readFileSync(path, 'utf8').split('\n')
  .filter(line => line.trim()).map(line => JSON.parse(line));
const keyPair = await readKeyPair(options.key);
const unsigned = readLines(options.unsigned);
const signed = readLines(options.signed);
const documentLoader = makeDocumentLoader();
let lastSigned = [];

const ops = {
  async sign() {
    const out = [];
    const start = performance.now();
    for(const credential of unsigned) {
      out.push(await signCredential(
        credential, {keyPair, date: options.created, documentLoader}));
    }
    const seconds = (performance.now() - start) / 1000;
    lastSigned = out;
    return {seconds, count: out.length};
  },
  async verify() {
    let verified = 0;
    const errors = new Set();
    const start = performance.now();
    for(const credential of signed) {
      const result = await verifyCredential(credential, {documentLoader, now: options.now});
      if(result.verified) {
        ++verified;
      } else {
        errors.add(result.error);
      }
    }
    const seconds = (performance.now() - start) / 1000;
    return {seconds, count: signed.length, verified, errors: [...errors]};
  },
  async canonize() {
    const start = performance.now();
    for(const credential of unsigned) {
      await cryptosuite.canonize(credential, {documentLoader});
    }
    return {seconds: (performance.now() - start) / 1000, count: unsigned.length};
  },
  async results() {
    const nquads = await cryptosuite.canonize(unsigned[0], {documentLoader});
    return {proofValues: lastSigned.map(credential => credential.proof.proofValue), nquads};
  }
};

const lines = createInterface({input: process.stdin, crlfDelay: Infinity});
for await (const line of lines) {
  if(!line.trim()) {
    continue;
  }
  const {op} = JSON.parse(line);
  let answer;
  try {
    if(!Object.hasOwn(ops, op)) {
      throw new Error(`unknown op ${op}`);
    }
    answer = {op, ...await ops[op]()};
  } catch(error) {
    answer = {op, error: error.message};
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
