import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { writeContributionFile } from '../../core/regio/contributionFile';
import { createDemoDatabase } from '../fixtures/demoDatabase';
import { sampleContribution, testKey } from '../fixtures/regio';
import { createDemoRegionDatabase } from '../fixtures/regionDatabase';
import { E2E_NOW, launchApp, tempDir, type LaunchedApp } from './harness';
import { root } from './build';
import { findLayoutProblems } from './overflow';

// Every screen at the window sizes of a school laptop: 1920×1080 at 150 % gives 1280×720 CSS px,
// 1366×768 at 100 %, and both at 200 % zoom (half the CSS px, twice the device pixels). No control
// of each screen at each size goes to test-results/layout/ (layout-<size>-<screen>.png), kept after the run.
// of each screen at each size goes to a temporary folder, or to $MDO_SCREENSHOTS.

const SIZES = [
  { width: 1280, height: 720, deviceScaleFactor: 1 },
  { width: 1366, height: 768, deviceScaleFactor: 1 },
  { width: 640, height: 360, deviceScaleFactor: 2 },
  { width: 683, height: 384, deviceScaleFactor: 2 },
];

const temp = tempDir('mdo-layout-');
// Kept after the run (git ignores test-results/), so a failure can be looked at.
const shots = path.join(root, 'test-results', 'layout');

// One regiocoördinator's and one school's key pair for all sizes: an RSA key took one to two seconds each on 2 busy cores.
let coordinatorKey: ReturnType<typeof testKey> | undefined;
let schoolKey: ReturnType<typeof testKey> | undefined;
const coordinator = () =>
  (coordinatorKey ??= testKey(temp.dir, 'coordinator', 'coordinator', 'Regiocoördinator Amsterdam-Oost', new Date(E2E_NOW)));
const school = () => (schoolKey ??= testKey(temp.dir, 'school', 'school', 'Demo — IB Basisschool De Boomhut'));

interface Screen {
  name: string;
  /** Opens the screen and waits until its content is there. */
  open(page: Page): Promise<void>;
}

// From the top of the screen, as after a click in the menu (the hash alone keeps the scroll position).
const go = (page: Page, hash: string) =>
  page.evaluate((value) => {
    window.location.hash = value;
    window.scrollTo(0, 0);
  }, hash);
const heading = (page: Page, name: string, level?: number) =>
  expect.poll(() => page.getByRole('heading', { name, level }).first().isVisible()).toBe(true);
const route = (name: string, hash: string, title: string, level?: number): Screen => ({
  name,
  open: async (page) => {
    await go(page, hash);
    await heading(page, title, level);
  },
});

/** The records the screens show: the next MDO, an item whose case has earlier agreements, a case with agreements of every state. */
async function pick(app: LaunchedApp) {
  const db = app.session.db();
  const meeting = await db
    .selectFrom('meeting')
    .select('id')
    .where('status', '=', 'planned')
    .where('schoolId', '=', 1)
    .orderBy('date')
    .executeTakeFirstOrThrow();
  const item = await db
    .selectFrom('agendaItem')
    .innerJoin('agreement', (join) =>
      join.onRef('agreement.caseId', '=', 'agendaItem.caseId').onRef('agreement.meetingId', '!=', 'agendaItem.meetingId'),
    )
    .select(['agendaItem.id', sql<number>`count(agreement.id)`.as('earlier')])
    .where('agendaItem.meetingId', '=', meeting.id)
    .groupBy('agendaItem.id')
    .orderBy('earlier', 'desc')
    .executeTakeFirstOrThrow();
  const supportCase = await db
    .selectFrom('agreement')
    .select(['caseId', sql<number>`count(distinct status)`.as('states')])
    .where('caseId', 'is not', null)
    .where('schoolId', '=', 1)
    .groupBy('caseId')
    .orderBy('states', 'desc')
    .orderBy(sql`count(*)`, 'desc')
    .executeTakeFirstOrThrow();
  return { meetingId: meeting.id, itemId: item.id, caseId: supportCase.caseId! };
}

/** The screens in three groups, one test each: a test stays well within its time limit on a busy machine. */
function screenGroups(ids: Awaited<ReturnType<typeof pick>>): Record<string, Screen[]> {
  return {
    'start and meetings': [
      route('start', '#/', 'Volgend overleg'),
      route('overleggen', '#/overleggen', 'Overleggen', 2),
      route('overleg', `#/overleggen/${ids.meetingId}`, 'Voorstellen voor de agenda'),
      {
        name: 'voorzitten',
        open: async (page) => {
          await go(page, `#/overleggen/${ids.meetingId}/voorzitten/${ids.itemId}`);
          await expect.poll(() => page.getByLabel('Aantekeningen').isVisible()).toBe(true);
        },
      },
      route('afsluiten', `#/overleggen/${ids.meetingId}/afsluiten`, 'Actielijst per uitvoerder'),
    ],
    'cases, pupils and kernteam': [
      route('casussen', '#/casussen', 'Casussen', 2),
      route('casus', `#/casussen/${ids.caseId}`, 'Toestemming', 4),
      route('leerlingen', '#/leerlingen', 'Leerlingen', 2),
      route('kernteam', '#/kernteam', 'Kernteam', 2),
    ],
    'school, monitoring, verify and privacy': [
      route('school', '#/school', 'Schoolprofiel', 2),
      route('monitoring', '#/monitoring', 'Monitoring', 2),
      {
        name: 'regiobijdrage',
        open: async (page) => {
          await go(page, '#/monitoring/regiobijdrage');
          await heading(page, 'Wat het bestand bevat', 3);
        },
      },
      route('controleren', '#/controleren', 'Verslag controleren', 2),
      route('privacy-logboek', '#/privacy?tab=logboek', 'Privacy', 2),
      {
        name: 'privacy-bewaartermijn',
        open: async (page) => {
          await go(page, '#/privacy?tab=bewaartermijn');
          await page.getByRole('button', { name: 'Bekijken wat verwijderd wordt' }).click();
          await expect
            .poll(() =>
              page
                .getByText(/^Casussen die zijn afgesloten op of vóór|^Er zijn geen afgesloten casussen/)
                .first()
                .isVisible(),
            )
            .toBe(true);
        },
      },
      route('privacy-leerling', '#/privacy?tab=leerling', 'Privacy', 2),
    ],
  };
}

/** Checks the screen on the page, saves its picture, and returns its problems as readable lines. */
async function check(page: Page, screen: string, size: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  // Fonts and Mantine's transitions settle, so the measures and the picture are the final state.
  await page.evaluate(() =>
    document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))),
  );
  await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
  // What the user sees in the window (a whole page at 200 % zoom is many thousands of device pixels tall).
  await page.screenshot({ path: path.join(shots, `layout-${size}-${screen}.png`), timeout: 30_000 });
  const problems = await findLayoutProblems(page);
  return problems.map((problem) => `${screen} at ${size}: ${problem.element} ${problem.problem}`);
}

for (const viewport of SIZES) {
  const size = `${viewport.width}x${viewport.height}`;
  describe(`every screen fits ${size} CSS px${viewport.deviceScaleFactor > 1 ? ' (200 % zoom)' : ''}`, () => {
    const folder = temp.file(size);
    let app: LaunchedApp;
    let groups: Record<string, Screen[]>;

    // One demo app per size, in the file's Chromium (its own context, with the size's viewport and scale);
    // every screen of the size is visited in it.
    beforeAll(async () => {
      fs.mkdirSync(shots, { recursive: true });
      fs.mkdirSync(folder, { recursive: true });
      // Two schools, as a school board keeps them: the header shows the school picker.
      await createDemoDatabase(path.join(folder, 'demo.db'), 'board');
      app = await launchApp({ dbPath: path.join(folder, 'demo.db'), viewport });
      groups = screenGroups(await pick(app));
      // A certificate in the kernteam, so its badges are on screen.
      const member = await app.session
        .db()
        .selectFrom('member')
        .select('id')
        .where('schoolId', '=', 1)
        .where('active', '=', 1)
        .executeTakeFirstOrThrow();
      const invoke = (id: number) => window.mdo.invoke('certificates.create', { memberId: id, passphrase: 'voorzitter-2026' });
      expect(await app.page.evaluate(invoke, member.id)).toMatchObject({ ok: true });
      // The regiocoördinator's certificate, so Schoolprofiel and Regiobijdrage maken show its fingerprint.
      app.chooseFile(coordinator().pem);
      const choose = () => window.mdo.invoke('regio.chooseRecipient', { schoolId: 1 });
      expect(await app.page.evaluate(choose)).toMatchObject({ ok: true, data: { name: 'Regiocoördinator Amsterdam-Oost' } });
    }, 120_000); // a demo database, an app and an RSA key: on a busy machine more than the default minute
    afterAll(async () => {
      await app?.close();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    it('first start and the lock screen', async () => {
      const found: string[] = [];
      // The first start, on a folder without a database.
      const welcome = await launchApp({ dbPath: path.join(folder, 'new', 'mdo.db'), viewport });
      await heading(welcome.page, 'Welkom bij MDO');
      found.push(...(await check(welcome.page, 'welkom', size)));
      await welcome.page.getByRole('button', { name: 'Een regio coördineren' }).click();
      await heading(welcome.page, 'Een regio coördineren');
      found.push(...(await check(welcome.page, 'welkom-regio', size)));
      await welcome.close();
      await createDemoDatabase(path.join(folder, 'locked.db'));
      const locked = await launchApp({ dbPath: path.join(folder, 'locked.db'), viewport, locked: true });
      await heading(locked.page, 'MDO is vergrendeld');
      found.push(...(await check(locked.page, 'vergrendeld', size)));
      await locked.close();
      expect(found).toEqual([]);
    });

    it('the menu: every screen by name, as icons when the window is narrow', async () => {
      const { page } = app;
      await go(page, '#/');
      const menu = page.getByRole('navigation', { name: 'Menu' });
      const narrow = viewport.width < 900;
      for (const name of [
        'Start',
        'Overleggen',
        'Casussen',
        'Leerlingen',
        'Kernteam',
        'Monitoring',
        'School',
        'Verslag controleren',
        'Privacy',
      ])
        await expect.poll(() => menu.getByRole('link', { name, exact: true }).count()).toBe(1);
      const width = await menu.evaluate((nav) => nav.getBoundingClientRect().width);
      expect(width).toBeLessThanOrEqual(narrow ? 60 : 220);
      // Icons only: the name shows as a tooltip on keyboard focus, and the menu still leads to the screen.
      expect(await menu.getByText('Kernteam', { exact: true }).isVisible()).toBe(!narrow);
      await menu.getByRole('link', { name: 'Kernteam', exact: true }).focus();
      if (narrow) await expect.poll(() => page.getByRole('tooltip', { name: 'Kernteam' }).isVisible()).toBe(true);
      await menu.getByRole('link', { name: 'Kernteam', exact: true }).press('Enter');
      await heading(page, 'Kernteam', 2);
      // Its tooltip stays while the link has focus: not in the pictures of the next screens.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await expect.poll(() => page.getByRole('tooltip').count()).toBe(0);
    });

    it('region mode: every screen of the demo region, a new signer to confirm and the result per file', async () => {
      const found: string[] = [];
      const dbPath = path.join(folder, 'regio.db');
      await createDemoRegionDatabase(dbPath);
      const region = await launchApp({ dbPath, viewport });
      try {
        for (const screen of [
          route('region-overzicht', '#/regio', 'Overzicht', 2),
          route('region-scholen', '#/regio/scholen', 'Scholen en gebieden', 2),
          // Waits for the report itself, down to the learning cycle, not just the screen's title.
          route('region-rapportage', '#/regio/rapportage', 'Leercyclus', 3),
          route('region-instellingen', '#/regio/instellingen', 'Instellingen', 2),
          route('region-privacy', '#/privacy', 'Privacy', 2),
        ]) {
          await screen.open(region.page);
          found.push(...(await check(region.page, screen.name, size)));
        }
        // A school seen for the first time: the dialog with its fingerprint, then the results above the overview.
        const { certificatePem } = await region.session
          .db()
          .selectFrom('regionKey')
          .select('certificatePem')
          .where('active', '=', 1)
          .executeTakeFirstOrThrow();
        const file = path.join(folder, 'Regiobijdrage Demo — Basisschool De Boomhut 2026-07-01 tot en met 2026-09-30.mdoregio');
        const contribution = sampleContribution({
          school: { name: 'Demo — Basisschool De Boomhut' },
          period: { from: '2026-07-01', to: '2026-09-30' },
          measures: { ...sampleContribution().measures, asOf: '2026-09-30' },
        });
        fs.writeFileSync(file, await writeContributionFile(contribution, school().identity, new X509Certificate(certificatePem)));
        await go(region.page, '#/regio');
        await heading(region.page, 'Overzicht', 2);
        region.chooseMany([file]);
        await region.page.getByRole('button', { name: 'Bijdragen inlezen…' }).click();
        await expect.poll(() => region.page.getByRole('dialog', { name: 'Nieuwe afzender' }).isVisible()).toBe(true);
        found.push(...(await check(region.page, 'region-afzender', size)));
        await region.page.getByRole('button', { name: 'Afzender vertrouwen' }).click();
        await expect.poll(() => region.page.getByRole('dialog').count()).toBe(0);
        await heading(region.page, 'Resultaat van het inlezen', 3);
        found.push(...(await check(region.page, 'region-inlezen', size)));
        expect(region.failures).toEqual([]);
        expect(region.blockedRequests).toEqual([]);
      } finally {
        await region.close();
      }
      expect(found).toEqual([]);
    });

    for (const group of ['start and meetings', 'cases, pupils and kernteam', 'school, monitoring, verify and privacy']) {
      it(group, async () => {
        const found: string[] = [];
        for (const screen of groups[group]) {
          await screen.open(app.page);
          found.push(...(await check(app.page, screen.name, size)));
        }
        expect(app.blockedRequests).toEqual([]);
        expect(found).toEqual([]);
      });
    }
  });
}

afterAll(() => temp.remove());
