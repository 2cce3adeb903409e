import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { AppError } from '../../../shared/errors.ts';
import { esc } from './format.ts';

/*
 * The PDF is the HTML page printed by Debian's Chromium (the same browser the
 * end-to-end tests drive), through playwright-core: the charts and the map are
 * the page's own SVG, so the PDF shows exactly what the page shows. Konbit
 * never downloads a browser; every request the page might make is refused, so
 * printing needs no network.
 */

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** At most this many browsers print at once; other requests wait their turn. */
const CONCURRENT_PRINTS = 2;
let printing = 0;
const waiting: (() => void)[] = [];

async function turn<T>(body: () => Promise<T>): Promise<T> {
  if (printing >= CONCURRENT_PRINTS) await new Promise<void>((resolve) => waiting.push(resolve));
  printing++;
  try {
    return await body();
  } finally {
    printing--;
    waiting.shift()?.();
  }
}

export function chromiumAvailable(executablePath = CHROMIUM_PATH): boolean {
  return existsSync(executablePath);
}

export interface PdfOptions {
  /** The classification marking printed at the top and bottom of every page. */
  marking: string;
  /** "Page" and "of" in the report's language. */
  pageWord: string;
  ofWord: string;
  executablePath?: string;
}

export async function htmlToPdf(html: string, { marking, pageWord, ofWord, executablePath = CHROMIUM_PATH }: PdfOptions): Promise<Buffer> {
  if (!chromiumAvailable(executablePath)) {
    throw new AppError('INTERNAL', `the PDF is printed by Chromium, which is not installed at ${executablePath}: install Debian's package with \`apt-get install -y chromium\` (Konbit never downloads a browser), or ask for the HTML report`);
  }
  return turn(async () => {
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const band = 'font-family: DejaVu Sans, Arial, sans-serif; font-size: 7.5pt; width: 100%; text-align: center; color: #3d5a80;';
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="${band} font-weight: bold; letter-spacing: .06em;">${esc(marking)}</div>`,
        footerTemplate: `<div style="${band}"><span style="font-weight: bold; letter-spacing: .06em;">${esc(marking)}</span> · ${esc(pageWord)} <span class="pageNumber"></span> ${esc(ofWord)} <span class="totalPages"></span></div>`,
        margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
      });
    } finally {
      await browser.close();
    }
  });
}
