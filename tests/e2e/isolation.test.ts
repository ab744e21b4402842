import { describe, expect, it } from 'vitest';
import { appPerTest } from './harness';

// What a script in the renderer can reach: nothing of Node or Electron, one frozen
// `window.mdo.invoke`, and no network at all. In the app the preload's contextBridge
// provides `mdo` (read-only, non-configurable, deep-frozen); the harness defines it the
// same way, over a Playwright binding (`__mdoInvoke`, which exists only in the harness)
// instead of ipcRenderer.
describe('renderer isolation', () => {
  const current = appPerTest();

  it('has no Node or Electron globals, and window.mdo is one frozen invoke', async () => {
    const { page } = current();
    // The renderer has started (whatever screen it shows first).
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);

    const globals = await page.evaluate(() => {
      const names = ['require', 'process', 'module', 'exports', 'global', 'Buffer', 'ipcRenderer', 'electron', '__dirname', '__filename'];
      return Object.fromEntries(names.map((name) => [name, [name in window, typeof (window as unknown as Record<string, unknown>)[name]]]));
    });
    for (const [name, [present, type]] of Object.entries(globals)) {
      expect([name, present, type]).toEqual([name, false, 'undefined']);
    }
    // The same names as free variables in a script (not only as window properties).
    expect(
      await page.evaluate(() => [typeof require, typeof process, typeof module, typeof exports, typeof global, typeof Buffer]),
    ).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined']);

    const api = await page.evaluate(() => {
      const mdo = window.mdo;
      const descriptor = Object.getOwnPropertyDescriptor(window, 'mdo')!;
      const invoke = mdo.invoke;
      const attempts: Record<string, string> = {};
      const attempt = (name: string, change: () => unknown) => {
        try {
          change();
          attempts[name] = 'ignored';
        } catch (error) {
          attempts[name] = (error as Error).name;
        }
        if (window.mdo !== mdo || mdo.invoke !== invoke || 'exec' in mdo) attempts[name] = 'CHANGED';
      };
      attempt('assign window.mdo', () => ((window as unknown as { mdo: unknown }).mdo = { invoke: () => 'evil' }));
      attempt('replace invoke', () => ((mdo as unknown as { invoke: unknown }).invoke = () => 'evil'));
      attempt('add a method', () => ((mdo as unknown as { exec: unknown }).exec = () => 'evil'));
      attempt('delete window.mdo', () => delete (window as unknown as { mdo?: unknown }).mdo);
      attempt('redefine window.mdo', () => Object.defineProperty(window, 'mdo', { value: { invoke: () => 'evil' } }));
      attempt('redefine invoke', () => Object.defineProperty(mdo, 'invoke', { value: () => 'evil' }));
      return {
        keys: Reflect.ownKeys(mdo).map(String),
        invokeType: typeof mdo.invoke,
        frozen: Object.isFrozen(mdo),
        writable: descriptor.writable,
        configurable: descriptor.configurable,
        attempts,
      };
    });
    expect(api).toMatchObject({ keys: ['invoke'], invokeType: 'function', frozen: true, writable: false, configurable: false });
    // None takes effect: plain assignments are ignored (they throw in the app's strict-mode modules), redefining throws.
    expect(api.attempts).toEqual({
      'assign window.mdo': 'ignored',
      'replace invoke': 'ignored',
      'add a method': 'ignored',
      'delete window.mdo': 'ignored',
      'redefine window.mdo': 'TypeError',
      'redefine invoke': 'TypeError',
    });
    // In strict mode, as the renderer's own code runs, the same assignments throw.
    expect(
      await page.evaluate(() =>
        new Function(
          `'use strict';
          const errors = [];
          for (const change of [() => { window.mdo = {}; }, () => { window.mdo.invoke = null; }, () => { delete window.mdo; }]) {
            try { change(); errors.push('ignored'); } catch (error) { errors.push(error.name); }
          }
          return errors;`,
        )(),
      ),
    ).toEqual(['TypeError', 'TypeError', 'TypeError']);

    // And it still reaches the real router after all that.
    const info = await page.evaluate(() => window.mdo.invoke('app.info', undefined));
    expect(info).toMatchObject({ ok: true, data: { version: 'e2e' } });
  });

  it('lets nothing out: fetch, images, WebSocket, a data: worker and an injected script are refused by the CSP', async () => {
    const app = current();
    const outcome = await app.page.evaluate(async () => {
      const violations: { directive: string; blocked: string }[] = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI }),
      );
      const settle = <T>(promise: Promise<T>) =>
        promise.then(
          () => 'loaded',
          (error: unknown) => `refused: ${(error as Error).name}`,
        );
      const results: Record<string, string> = {};
      results.fetchRemote = await settle(fetch('https://example.org/'));
      results.fetchLocal = await settle(fetch('http://127.0.0.1:9/'));
      results.image = await settle(
        new Promise<void>((resolve, reject) => {
          const image = document.createElement('img');
          image.onload = () => resolve();
          image.onerror = () => reject(new Error('image error'));
          image.src = 'https://example.org/pixel.png';
          document.body.append(image);
        }),
      );
      results.webSocket = await settle(
        new Promise<void>((resolve, reject) => {
          const socket = new WebSocket('wss://example.org/socket');
          socket.onopen = () => resolve();
          socket.onerror = () => reject(new Error('websocket error'));
        }),
      );
      results.worker = await settle(
        new Promise<void>((resolve, reject) => {
          const worker = new Worker('data:text/javascript,postMessage(1)');
          worker.onmessage = () => resolve();
          worker.onerror = () => reject(new Error('worker error'));
        }),
      );
      // An injected inline script (what an XSS would do) does not run either.
      const inline = document.createElement('script');
      inline.textContent = 'window.__injected = true';
      document.body.append(inline);
      results.inlineScript = (window as unknown as { __injected?: boolean }).__injected ? 'ran' : 'refused';
      // Violation events are queued as tasks: give them a moment to arrive.
      for (let i = 0; i < 50 && violations.length < 6; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      return { results, violations };
    });

    expect(outcome.results).toEqual({
      fetchRemote: 'refused: TypeError',
      fetchLocal: 'refused: TypeError',
      image: 'refused: Error',
      webSocket: 'refused: Error',
      worker: expect.stringMatching(/^refused: (SecurityError|Error)$/),
      inlineScript: 'refused',
    });
    const byDirective = (directive: string, blocked: string) =>
      outcome.violations.some((violation) => violation.directive === directive && violation.blocked.startsWith(blocked));
    expect(byDirective('connect-src', 'https://example.org')).toBe(true);
    expect(byDirective('connect-src', 'http://127.0.0.1:9')).toBe(true);
    expect(byDirective('img-src', 'https://example.org')).toBe(true);
    expect(byDirective('connect-src', 'wss://example.org')).toBe(true);
    expect(byDirective('worker-src', 'data')).toBe(true);
    expect(byDirective('script-src-elem', 'inline')).toBe(true);
    // The CSP stopped each one inside the page: not one request reached the harness's network filter.
    expect(app.blockedRequests).toEqual([]);
  });

  it('stops what the CSP does not cover (a navigation away, a file outside the app) at the network filter', async () => {
    const app = current();
    // A navigation is not governed by the CSP; the filter (like main's) aborts it and records it.
    await app.page.evaluate(() => window.open('https://example.org/away'));
    await expect.poll(() => app.blockedRequests).toContain('https://example.org/away');
    const outside = await app.page.context().newPage();
    await outside.goto('file:///etc/hostname').catch(() => undefined);
    expect(app.blockedRequests).toContain('file:///etc/hostname');
  });
});
