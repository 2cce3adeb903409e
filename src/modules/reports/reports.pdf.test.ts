import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildTestApp } from '../../server/testing.ts';
import { CHROMIUM_PATH, chromiumAvailable, produceSitrep } from './index.ts';
import { buildReportMission, DATASETS, incident, pdfPages, pdfText } from './reports.testing.ts';

/*
 * The PDF is Chromium printing the report's page. Without Debian's Chromium
 * these tests are skipped, saying so; everything else about the report is
 * tested without it.
 */

const skip = chromiumAvailable() ? false : `Chromium is not installed at ${CHROMIUM_PATH}: apt-get install -y chromium`;

describe('the situation report as PDF', { skip }, () => {
  dbTest('is a real PDF with pages, the report’s words, and only what the audience may see', async ({ db }) => {
    const { ken } = await buildReportMission(db);
    await incident(db, ken.actor, { title: 'Public clash at Portail', occurredAt: '2024-06-12T10:00:00Z', counts: { killed: 2, injured: 0, abducted: 0, displaced: 0 } });
    await incident(db, ken.actor, { title: 'Mission-only raid Zeta', occurredAt: '2024-06-13T10:00:00Z', classification: 'MISSION', location: { lon: -72.29, lat: 18.56, placeName: 'Fort Dimanche secret' }, counts: { killed: 4273, injured: 0, abducted: 0, displaced: 0 } });
    const dir = mkdtempSync(path.join(tmpdir(), 'konbit-sitrep-'));
    try {
      for (const lang of ['en', 'fr'] as const) {
        const produced = await produceSitrep({ db, requester: ken.actor, query: { from: '2024-06-01', to: '2024-06-30', audience: 'PUBLIC', lang, format: 'pdf' }, datasetsDir: DATASETS });
        assert.equal(produced.contentType, 'application/pdf');
        assert.equal(produced.body.subarray(0, 5).toString('latin1'), '%PDF-');
        const file = path.join(dir, `public-${lang}.pdf`);
        writeFileSync(file, produced.body);
        assert.ok(pdfPages(file, produced.body) >= 1, 'at least one page');
        const text = pdfText(file);
        if (text === null) continue; // poppler-utils absent: the PDF's text is not checked
        assert.ok(text.includes(lang === 'en' ? 'Situation report' : 'Rapport de situation'));
        assert.ok(text.includes('Public clash at Portail'));
        for (const secret of ['Mission-only raid Zeta', 'Fort Dimanche secret', '4273', '4,273', '4 273', '4275', '4,275']) assert.ok(!text.includes(secret), `${secret} in the public PDF`);
        assert.ok(text.includes('PUBLIC'), 'the marking on the page');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  dbTest('is served to a signed-in user as application/pdf', async ({ db }) => {
    const { ken } = await buildReportMission(db);
    const app = await buildTestApp(db);
    const response = await app.inject({ method: 'GET', url: '/api/v1/reports/sitrep?from=2024-06-01&to=2024-06-30&audience=KEN&format=pdf&download=true', headers: ken.headers });
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.match(String(response.headers['content-disposition']), /^attachment; filename="konbit-sitrep-2024-06-01-2024-06-30-ken-en\.pdf"/);
    assert.equal(response.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    await app.close();
  });
});
