/*
 * No network in this node process: import this module FIRST (before any library), and
 * every way out — fetch(), http(s).request/get, net/tls connections, DNS lookups — is
 * refused with an error and recorded in `networkAttempts`, so that a verifier that would
 * quietly fetch a context, a DID document, a schema or a status list fails visibly
 * instead of passing on what it downloaded:
 *
 *   import {networkAttempts, serve} from './offline.mjs';
 *
 * `serve(url, text)` answers fetch(url) from memory (a published document read from a
 * file); nothing else is ever answered.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

/** Every refused attempt, oldest first ("fetch https://...", "connect example.org:443"). */
export const networkAttempts = [];
const served = new Map();

/** Answer fetch(url) with `text` (a JSON document) instead of the network. */
export function serve(url, text) {
  served.set(url, text);
}

function refuse(what) {
  networkAttempts.push(what);
  return new Error(`refused: network access (${what}); this process is offline`);
}

function target(args) {
  const [first, second] = args;
  if(typeof first === 'string' || first instanceof URL) {
    return String(first);
  }
  if(first && typeof first === 'object') {
    const host = first.host || first.hostname || first.path || '?';
    return first.port ? `${host}:${first.port}` : host;
  }
  return second ? `${second}:${first}` : String(first);
}

globalThis.fetch = async function offlineFetch(input) {
  const url = typeof input === 'string' ? input : String(input?.url ?? input);
  if(served.has(url)) {
    return new Response(served.get(url), {headers: {'content-type': 'application/json'}});
  }
  throw refuse(`fetch ${url}`);
};
for(const [module, names] of [
  [http, ['request', 'get']], [https, ['request', 'get']],
  [net, ['connect', 'createConnection']], [tls, ['connect']]
]) {
  for(const name of names) {
    module[name] = (...args) => {
      throw refuse(`${name} ${target(args)}`);
    };
  }
}
net.Socket.prototype.connect = function offlineConnect(...args) {
  throw refuse(`connect ${target(args)}`);
};
dns.lookup = (hostname, ...rest) => {
  const error = refuse(`dns ${hostname}`);
  const callback = rest.at(-1);
  if(typeof callback !== 'function') {
    throw error;
  }
  process.nextTick(callback, error);
};
dns.promises.lookup = async hostname => {
  throw refuse(`dns ${hostname}`);
};
