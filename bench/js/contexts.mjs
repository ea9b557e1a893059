/*
 * The published contexts the JS reference stack is given (lib.mjs), with the npm package
 * each comes from, so that a test can compare them with the publishers' files:
 *
 *   node contexts.mjs
 *
 * Writes one JSON object: {"<url>": {"source": "<package>@<version>", "document": {...}}}.
 */
import {publishedContexts} from './lib.mjs';

process.stdout.write(JSON.stringify(Object.fromEntries(publishedContexts())) + '\n');
