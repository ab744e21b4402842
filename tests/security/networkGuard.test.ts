import dgram from 'node:dgram';
import dns from 'node:dns';
import * as httpNamed from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { installNetworkGuard, NetworkBlockedError } from './networkGuard';

// The guard itself: every route out fails and is recorded. The attempts made here are
// removed again at the end so that the file's own no-network check stays meaningful.
describe('network guard', () => {
  it('blocks and records TCP, TLS, HTTP(S), UDP, DNS, Unix sockets and fetch', async () => {
    const guard = installNetworkGuard();
    expect(installNetworkGuard()).toBe(guard);
    const start = guard.attempts.length;
    expect(() => net.connect(9, '127.0.0.1')).toThrow(NetworkBlockedError);
    expect(() => net.createConnection({ path: '/tmp/some.sock' })).toThrow(NetworkBlockedError);
    expect(() => new net.Socket().connect(443, 'example.org')).toThrow(NetworkBlockedError);
    expect(() => tls.connect(443, 'example.org')).toThrow(NetworkBlockedError);
    expect(() => https.get('https://example.org/')).toThrow(NetworkBlockedError);
    expect(() => httpNamed.request('http://127.0.0.1:9/')).toThrow(NetworkBlockedError);
    expect(() => dgram.createSocket('udp4')).toThrow(NetworkBlockedError);
    expect(() => dns.lookup('example.org', () => undefined)).toThrow(NetworkBlockedError);
    await expect(dns.promises.lookup('example.org')).rejects.toThrow(NetworkBlockedError);
    await expect(fetch('https://example.org/')).rejects.toThrow(NetworkBlockedError);
    const made = guard.attempts.splice(start);
    expect(made.map((attempt) => attempt.api)).toEqual([
      'net.Socket#connect',
      'net.Socket#connect',
      'net.Socket#connect',
      'tls.connect',
      'https.get',
      'http.request',
      'dgram.createSocket',
      'dns.lookup',
      'dns.promises.lookup',
      'fetch',
    ]);
    expect(made[0].target).toBe('127.0.0.1:9');
    expect(made[1].target).toBe('pipe:/tmp/some.sock');
    expect(made[9].target).toBe('https://example.org/');
  });
});
