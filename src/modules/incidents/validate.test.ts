import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkIncident, CLOCK_SKEW_MS, locationProblem } from './validate.ts';
import { actorNameKey, foldWords } from './text.ts';
import { isoWeekLabel, isoWeekMonday } from './time.ts';
import { buildIncidentInput } from './incidents.testing.ts';

const NOW = Date.parse('2024-06-01T12:00:00Z');

describe('incident location checks', () => {
  test('a point in Port-au-Prince is plausible', () => {
    assert.equal(locationProblem(-72.335, 18.54), null);
  });

  test('(0, 0) is named as the placeholder it is', () => {
    assert.match(locationProblem(0, 0)!, /\(0, 0\).*placeholder/);
  });

  test('swapped latitude and longitude are recognised', () => {
    assert.match(locationProblem(18.54, -72.335)!, /latitude and longitude look swapped/);
  });

  test('a longitude without its minus sign is recognised', () => {
    assert.match(locationProblem(72.335, 18.54)!, /wrong sign/);
  });

  test('a point elsewhere says where Haiti is', () => {
    assert.match(locationProblem(2.35, 48.85)!, /outside Haiti \(longitude -74.55 to -71.6, latitude 17.95 to 20.15\)/);
  });
});

describe('incident input checks', () => {
  test('a valid input passes with its defaults filled', () => {
    const checked = checkIncident(buildIncidentInput(), NOW);
    assert.ok(checked.ok);
    assert.deepEqual(checked.value.actors, []);
    assert.equal(checked.value.occurredPrecision, 'exact');
  });

  test('a date in the future is refused, with clock skew allowed', () => {
    const future = checkIncident(buildIncidentInput({ occurredAt: new Date(NOW + 3_600_000).toISOString() }), NOW);
    assert.ok(!future.ok);
    assert.equal(future.issues[0]!.path, 'occurredAt');
    assert.match(future.issues[0]!.message, /in the future/);
    const skewed = checkIncident(buildIncidentInput({ occurredAt: new Date(NOW + CLOCK_SKEW_MS - 1000).toISOString() }), NOW);
    assert.ok(skewed.ok);
  });

  test('swapped coordinates are reported on the location field', () => {
    const checked = checkIncident(buildIncidentInput({ location: { lon: 18.55, lat: -72.3 } }), NOW);
    assert.ok(!checked.ok);
    assert.deepEqual(checked.issues.map((i) => i.path), ['location']);
    assert.equal(checked.issues[0]!.value, '18.55,-72.3');
  });

  test('schema errors name each field', () => {
    const checked = checkIncident({ ...buildIncidentInput(), title: '', type: 'riot', extra: 1 }, NOW);
    assert.ok(!checked.ok);
    const paths = checked.issues.map((i) => i.path).sort();
    assert.deepEqual(paths, ['(root)', 'title', 'type']);
  });

  test('a dateless or zone-less time is refused', () => {
    assert.ok(!checkIncident(buildIncidentInput({ occurredAt: '2024-03-05 14:30' }), NOW).ok);
    assert.ok(!checkIncident(buildIncidentInput({ occurredAt: '2024-03-05T14:30:00' }), NOW).ok);
  });

  test('sources are graded A–F and 1–6', () => {
    const bad = checkIncident(buildIncidentInput({ sources: [{ name: 'Radio', reliability: 'G' as 'A', credibility: 7 as 1 }] }), NOW);
    assert.ok(!bad.ok);
    assert.deepEqual(bad.issues.map((i) => i.path).sort(), ['sources.0.credibility', 'sources.0.reliability']);
  });
});

describe('search folding and weeks', () => {
  test('accents, case and punctuation fold away', () => {
    assert.deepEqual(foldWords('Kreyòl: G-Pep à Cité Soleil!'), ['kreyol', 'g', 'pep', 'a', 'cite', 'soleil']);
    assert.equal(actorNameKey('G-Pèp'), actorNameKey('g pep'));
  });

  test('ISO weeks start on Monday and belong to the year of their Thursday', () => {
    assert.equal(isoWeekMonday(Date.parse('2024-03-05T14:30:00Z')), '2024-03-04');
    assert.equal(isoWeekMonday(Date.parse('2024-03-10T23:59:59Z')), '2024-03-04');
    assert.equal(isoWeekMonday(Date.parse('2024-03-11T00:00:00Z')), '2024-03-11');
    assert.equal(isoWeekMonday(Date.parse('1969-12-31T12:00:00Z')), '1969-12-29');
    assert.equal(isoWeekLabel('2024-12-30'), '2025-W01');
    assert.equal(isoWeekLabel('2020-12-28'), '2020-W53');
    assert.equal(isoWeekLabel('2024-03-04'), '2024-W10');
  });
});
