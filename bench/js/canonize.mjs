/*
 * The RDFC-1.0 canonical N-Quads the JS reference signs for each document (the same call
 * the eddsa-rdfc-2022 cryptosuite makes: jsonld.toRDF in safe mode + rdf-canonize), to
 * compare with microcred's when an interop test fails:
 *
 *   node canonize.mjs [FILE...] < lines
 *
 * A document's `proof` is left out, as Data Integrity leaves it out before hashing.
 * Writes one JSON string (the N-Quads) per line.
 */
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {makeDocumentLoader, parseArgs, readDocuments} from './lib.mjs';

const {positional} = parseArgs(process.argv.slice(2));
const documentLoader = makeDocumentLoader();
for(const {proof: _unused, ...document} of readDocuments(positional)) {
  const nquads = await cryptosuite.canonize(document, {documentLoader});
  process.stdout.write(JSON.stringify(nquads) + '\n');
}
