import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { fixedClock } from '../core/clock';
import { rendererIndex } from '../tests/e2e/build';
import { CONTEXT_OPTIONS, launchApp, launchChromium, pageScript } from '../tests/e2e/launch';
import { CATALOGUE_CHUNK } from './bundleSizes';
import { ratio, summarize } from './stats';

// "First screen with data": the built renderer in Chromium, on an encrypted copy of the large demo
// that is already unlocked (as after the app starts with a remembered key, or right after the
// passphrase), from navigation start until the dashboard shows the first school's next MDO. Every
// load gets a fresh browser context (no HTTP or code cache) and a freshly opened database (cold
// SQLite page cache); one Chromium serves them all, as one Electron would.
//
// Not Electron: the renderer comes from file:// instead of app://mdo/, and `window.mdo` reaches the
// real router over a Playwright binding (a DevTools round trip per call) instead of Electron's IPC,
// so the bridge costs somewhat more here than in the app.
//
// The floor is the same Chromium, context and request interception loading a local page that
// paints one element: what any page costs, so the ratio shows what the app adds.

/** The element that exists only once dashboard.items has answered with a next meeting (NextMeetingCard). */
const DATA_SELECTOR = '[data-testid="next-meeting-date"]';
const WARMUP = 2;
const LOAD_TIMEOUT_MS = 30_000;

export interface FirstScreenResult {
  loads: number;
  /** Navigation start until the frame after the dashboard's data is in the DOM. */
  p50Ms: number;
  p95Ms: number;
  /** The same for a page that paints one element. */
  floorP50Ms: number;
  floorP95Ms: number;
  /** p50 over the floor's p50. */
  ratio: number;
  /** Navigation start until React's first render (the loader shown while app.info is asked): the cost of loading the code. */
  shellP50Ms: number;
  /** What the page read until the data showed: the renderer's JavaScript, CSS and other files (fonts), from disk. */
  scriptBytes: number;
  /** Of scriptBytes, the Dutch catalogue (core/i18n/nl.ts, its own chunk: electron.vite.config.ts). */
  catalogueBytes: number;
  styleBytes: number;
  otherBytes: number;
  requests: number;
}

/** Marks in page time (ms since navigation start), written by the script `markFirstScreen` installs. */
interface Marks {
  shell: number | null;
  data: number | null;
}

declare global {
  interface Window {
    __mdoFirstScreen?: Marks;
  }
}

/**
 * Runs in the page before any of its own scripts. A MutationObserver sees the element the moment
 * React inserts it; the time is taken one frame later (requestAnimationFrame, then a task after
 * that frame), so it includes the style, layout and paint of the frame that shows it. Both times
 * come from the page's own clock, whose zero is navigation start: Playwright's round trips to
 * start the navigation and to notice the element are not counted, as performance.now() in Node
 * around page.goto would count them.
 */
function markFirstScreen(selector: string): void {
  const marks: Marks = { shell: null, data: null };
  window.__mdoFirstScreen = marks;
  const afterNextFrame = (record: (ms: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => record(performance.now());
      channel.port2.postMessage(null);
    });
  const observer = new MutationObserver(() => {
    if (marks.shell === null && document.querySelector('#root > *')) {
      marks.shell = -1; // pending: set after its frame
      afterNextFrame((ms) => (marks.shell = ms));
    }
    if (document.querySelector(selector)?.textContent?.trim()) {
      observer.disconnect();
      afterNextFrame((ms) => (marks.data = ms));
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

interface Load {
  shellMs: number;
  dataMs: number;
  /** Files the page had requested by the time the data showed (and Playwright noticed). */
  resources: string[];
}

/** Goes to `url` and waits until the data shows, with a clear error if it never does. */
async function timedLoad(page: Page, url: string, what: string): Promise<Load> {
  await page.addInitScript(pageScript(markFirstScreen, DATA_SELECTOR));
  // Chromium keeps no resource timing for file:// requests; Playwright sees them.
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await page.waitForFunction(() => (window.__mdoFirstScreen?.data ?? null) !== null, undefined, { timeout: LOAD_TIMEOUT_MS });
  } catch (error) {
    const text = (
      await page
        .locator('body')
        .innerText()
        .catch(() => '')
    ).slice(0, 300);
    throw new Error(`${what}: ${DATA_SELECTOR} did not appear within ${LOAD_TIMEOUT_MS} ms; the page shows: ${JSON.stringify(text)}`, {
      cause: error,
    });
  }
  const marks = await page.evaluate(() => window.__mdoFirstScreen!);
  return { shellMs: marks.shell!, dataMs: marks.data!, resources: [...requested] };
}

/** One line: the first screen against its goal, and what it loaded. */
export function firstScreenSummary(result: FirstScreenResult, maxP95: number): string {
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
  return (
    `First screen: p95 ${result.p95Ms.toFixed(0)} ms (goal < ${maxP95} ms; ${(result.p95Ms / result.floorP95Ms).toFixed(2)}× the one-element page's ${result.floorP95Ms.toFixed(0)} ms), ` +
    `p50 ${result.p50Ms.toFixed(0)} ms. It loads ${kB(result.scriptBytes)} JavaScript (of which ${kB(result.catalogueBytes)} the Dutch catalogue), ` +
    `${kB(result.styleBytes)} CSS and ${kB(result.otherBytes)} else, in ${result.requests} requests.`
  );
}

/** Sizes on disk of the files a load read (file:// reports no transfer sizes; nothing is compressed on file:// or app://). */
export function resourceBytes(
  urls: readonly string[],
): Pick<FirstScreenResult, 'scriptBytes' | 'catalogueBytes' | 'styleBytes' | 'otherBytes' | 'requests'> {
  const files = [...new Set(urls.filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url.split(/[?#]/)[0])))];
  const sum = (list: string[]) => list.reduce((total, file) => total + fs.statSync(file).size, 0);
  const scripts = files.filter((file) => /\.m?js$/.test(file));
  const styles = files.filter((file) => file.endsWith('.css'));
  return {
    scriptBytes: sum(scripts),
    catalogueBytes: sum(scripts.filter((file) => CATALOGUE_CHUNK.test(path.basename(file)))),
    styleBytes: sum(styles),
    otherBytes: sum(files.filter((file) => !scripts.includes(file) && !styles.includes(file))),
    requests: urls.length,
  };
}

const FLOOR_HTML =
  '<!doctype html><html lang="nl"><head><meta charset="UTF-8" /><title>MDO</title></head>' +
  `<body><div id="root"><p data-testid="next-meeting-date">woensdag 25 november 2026</p></div></body></html>\n`;

async function floorLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  try {
    const page = await context.newPage();
    // The app's page intercepts every request (launchApp); so does the floor's.
    await page.route('**/*', (route) => route.continue());
    return await timedLoad(page, url, 'the floor page');
  } finally {
    await context.close();
  }
}

async function appLoad(browser: Browser, dbPath: string, clockIso: string): Promise<Load> {
  const app = await launchApp({ dbPath, clock: fixedClock(clockIso), browser, navigate: false });
  try {
    const load = await timedLoad(app.page, app.url, 'the dashboard');
    if (app.failures.length) throw new Error(`the first screen had failing calls: ${JSON.stringify(app.failures)}`);
    if (app.blockedRequests.length) throw new Error(`the first screen requested outside files: ${app.blockedRequests.join(', ')}`);
    return load;
  } finally {
    await app.close();
  }
}

/** Throws unless the school the app opens on has a next meeting, without which the dashboard never shows DATA_SELECTOR. */
async function assertFirstSchoolHasNextMeeting(browser: Browser, dbPath: string, clockIso: string): Promise<void> {
  const app = await launchApp({ dbPath, clock: fixedClock(clockIso), browser, navigate: false });
  try {
    const info = await app.router.call('app.info', undefined);
    const database = info.ok ? (info.data as { database: { state: string; schools?: { id: number }[] } }).database : null;
    const schoolId = database?.schools?.[0]?.id;
    if (database?.state !== 'open' || schoolId === undefined) throw new Error(`the demo copy did not open: ${JSON.stringify(info)}`);
    const items = await app.router.call('dashboard.items', { schoolId });
    if (!items.ok || !(items.data as { nextMeeting: unknown }).nextMeeting)
      throw new Error(`school ${schoolId}, where the app opens, has no next meeting on its dashboard: nothing to wait for`);
  } finally {
    await app.close();
  }
}

/**
 * Opens the dashboard `loads` times on an encrypted copy of `plainDemoDb` (which stays as it is),
 * next to as many loads of the one-element floor page, taking turns.
 */
export async function measureFirstScreen(plainDemoDb: string, options: { loads: number; clockIso: string }): Promise<FirstScreenResult> {
  if (!fs.existsSync(rendererIndex)) throw new Error(`${rendererIndex} is missing: run "npm run build" first`);
  if (!(options.loads >= 1)) throw new RangeError(`loads must be at least 1, got ${options.loads}`);
  const browser = await launchChromium();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdo-first-screen-'));
  try {
    // launchApp encrypts the copy as the demo school on its first open.
    const dbPath = path.join(dir, 'demo.db');
    fs.copyFileSync(plainDemoDb, dbPath);
    const floorFile = path.join(dir, 'floor.html');
    fs.writeFileSync(floorFile, FLOOR_HTML);
    const floorUrl = pathToFileURL(floorFile).href;
    await assertFirstSchoolHasNextMeeting(browser, dbPath, options.clockIso);

    // The first contexts of a new Chromium are slower than all later ones.
    for (let i = 0; i < WARMUP; i++) {
      await appLoad(browser, dbPath, options.clockIso);
      await floorLoad(browser, floorUrl);
    }
    const loads: Load[] = [];
    const floors: Load[] = [];
    for (let i = 0; i < options.loads; i++) {
      // Taking turns at going first, as run.ts does.
      if (i % 2 === 0) {
        loads.push(await appLoad(browser, dbPath, options.clockIso));
        floors.push(await floorLoad(browser, floorUrl));
      } else {
        floors.push(await floorLoad(browser, floorUrl));
        loads.push(await appLoad(browser, dbPath, options.clockIso));
      }
    }
    const app = summarize(loads.map((load) => load.dataMs));
    const floor = summarize(floors.map((load) => load.dataMs));
    return {
      loads: options.loads,
      p50Ms: app.p50,
      p95Ms: app.p95,
      floorP50Ms: floor.p50,
      floorP95Ms: floor.p95,
      ratio: ratio(app.p50, floor.p50),
      shellP50Ms: summarize(loads.map((load) => load.shellMs)).p50,
      ...resourceBytes(loads[0].resources),
    };
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
