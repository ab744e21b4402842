import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

/** One attempt to reach the network from this process: what was called and where to. */
export interface NetworkAttempt {
  api: string;
  target: string;
}

export interface NetworkGuard {
  /** Every attempt since the guard was installed in this process, in order. */
  attempts: NetworkAttempt[];
}

const GUARD = Symbol.for('mdo.networkGuard');

const ERROR_CLASS = Symbol.for('mdo.networkBlockedError');

class BlockedError extends Error {
  constructor(attempt: NetworkAttempt) {
    super(`network access blocked in tests: ${attempt.api} ${attempt.target}`);
    this.name = 'NetworkBlockedError';
  }
}

/**
 * The error every blocked attempt throws. One class per process, like the guard: with Vitest's
 * `isolate: false` a file that resets the module registry (tests/build/config.test.ts) makes the
 * next file load this module again, while the patches of the first load stay in place.
 */
export const NetworkBlockedError: typeof BlockedError = ((globalThis as { [ERROR_CLASS]?: typeof BlockedError })[ERROR_CLASS] ??=
  BlockedError);

function describeTarget(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value instanceof URL) return value.href;
  // net.connect passes its normalized arguments on to Socket#connect as [options, callback].
  if (Array.isArray(value)) return describeTarget(value[0]);
  if (typeof value === 'object') {
    const { href, url, path, host, hostname, port, protocol } = value as Record<string, unknown>;
    if (typeof href === 'string') return href;
    if (typeof url === 'string') return url;
    if (typeof path === 'string' && !host && !hostname) return `pipe:${path}`;
    return `${typeof protocol === 'string' ? `${protocol}//` : ''}${String(hostname ?? host ?? 'localhost')}:${String(port ?? '')}`;
  }
  return typeof value;
}

/**
 * Makes every way this process could open a network connection record the
 * attempt and fail: TCP, Unix sockets and named pipes (net.Socket#connect,
 * which net.connect, http(s), tls, http2 and fetch all end in), UDP
 * (dgram.createSocket), name lookups (dns), and the entry points
 * http(s).request/get, tls.connect, http2.connect and fetch themselves so the
 * report names the URL. Child processes (Chromium, LibreOffice, compilers) and
 * worker threads are outside this process and not covered.
 * Installed once per process; later calls return the same guard.
 */
export function installNetworkGuard(): NetworkGuard {
  const global = globalThis as { [GUARD]?: NetworkGuard };
  if (global[GUARD]) return global[GUARD];
  const guard: NetworkGuard = { attempts: [] };
  global[GUARD] = guard;

  const block = (api: string, target: unknown): never => {
    const attempt = { api, target: describeTarget(target) };
    guard.attempts.push(attempt);
    throw new NetworkBlockedError(attempt);
  };

  net.Socket.prototype.connect = function connect(...args: unknown[]) {
    return block('net.Socket#connect', args[0]);
  } as typeof net.Socket.prototype.connect;
  tls.connect = ((...args: unknown[]) => block('tls.connect', args[0])) as typeof tls.connect;
  http.request = ((...args: unknown[]) => block('http.request', args[0])) as typeof http.request;
  http.get = ((...args: unknown[]) => block('http.get', args[0])) as typeof http.get;
  https.request = ((...args: unknown[]) => block('https.request', args[0])) as typeof https.request;
  https.get = ((...args: unknown[]) => block('https.get', args[0])) as typeof https.get;
  http2.connect = ((...args: unknown[]) => block('http2.connect', args[0])) as typeof http2.connect;
  dgram.createSocket = ((...args: unknown[]) => block('dgram.createSocket', args[0])) as typeof dgram.createSocket;
  dns.lookup = ((...args: unknown[]) => block('dns.lookup', args[0])) as unknown as typeof dns.lookup;
  dns.resolve = ((...args: unknown[]) => block('dns.resolve', args[0])) as unknown as typeof dns.resolve;
  // Promise APIs fail the way they would on a real network error: with a rejected promise.
  const rejectWith = (api: string) => (target: unknown) => {
    try {
      return block(api, target);
    } catch (error) {
      return Promise.reject(error);
    }
  };
  dns.promises.lookup = rejectWith('dns.promises.lookup') as typeof dns.promises.lookup;
  dns.promises.resolve = rejectWith('dns.promises.resolve') as typeof dns.promises.resolve;
  globalThis.fetch = rejectWith('fetch') as typeof fetch;
  // ESM imports of built-ins (import { request } from 'node:http') see the replacements too.
  syncBuiltinESMExports();
  return guard;
}
