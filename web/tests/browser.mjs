// Headless Debian Chromium (never a downloaded browser) driven by playwright-core, with the flags of
// TOOLCHAIN.md item 8, plus the demo server on a free loopback port.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { startServer } from '../server.mjs';

export const CHROMIUM = process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium';
export const FLAGS = ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (scripts/setup.sh)`);
  const { server, url } = await startServer({ port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  return {
    url, browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A page that records console errors, page errors, dialogs and CSP violations. */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, noWebGL2 = false, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor });
  const page = await context.newPage();
  const log = { errors: [], console: [], dialogs: [], csp: [] };
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') log.console.push(m.text()); });
  page.on('dialog', (d) => { log.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.exposeBinding('__glossCsp', (_src, v) => log.csp.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__glossCsp(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (noWebGL2) {
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    });
  }
  const response = await page.goto(url);
  return { page, log, response, context };
}
