import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EARTH_RADIUS_METERS, METERS_PER_DEGREE, haversineMeters, lineLengthMeters, metersToDegrees } from './measure.ts';

const close = (actual: number, expected: number, tolerance: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);

test('haversineMeters: a degree of latitude, of longitude at the equator, and half the globe', () => {
  close(haversineMeters(-72.3, 18, -72.3, 19), METERS_PER_DEGREE, 1e-6, 'one degree of latitude');
  close(METERS_PER_DEGREE, 111_195, 1, 'metres per degree');
  close(haversineMeters(0, 0, 1, 0), METERS_PER_DEGREE, 1e-6, 'one degree of longitude at the equator');
  close(haversineMeters(0, 0, 180, 0), Math.PI * EARTH_RADIUS_METERS, 1e-6, 'antipodes');
  assert.equal(haversineMeters(-72.335, 18.539, -72.335, 18.539), 0);
});

test('haversineMeters: Port-au-Prince to Cap-Haïtien is about 136 km, the same both ways', () => {
  const there = haversineMeters(-72.3388, 18.5392, -72.2, 19.76);
  close(there, 136_400, 1_000, 'Port-au-Prince to Cap-Haïtien');
  assert.equal(haversineMeters(-72.2, 19.76, -72.3388, 18.5392), there);
});

test('metersToDegrees: spans that haversine measures back, shrinking in longitude with latitude', () => {
  const { dLon, dLat } = metersToDegrees(1_000, 18.5);
  close(haversineMeters(-72.3, 18.5, -72.3, 18.5 + dLat), 1_000, 1e-6, 'north');
  close(haversineMeters(-72.3, 18.5, -72.3 + dLon, 18.5), 1_000, 1e-3, 'east');
  assert.ok(dLon > dLat);
  assert.equal(metersToDegrees(1_000, 90).dLon, 360);
  assert.equal(metersToDegrees(0, 18).dLat, 0);
});

test('lineLengthMeters sums the segments and is 0 for fewer than two positions', () => {
  const line = [[-72.3, 18.5], [-72.3, 18.6], [-72.2, 18.6]];
  const expected = haversineMeters(-72.3, 18.5, -72.3, 18.6) + haversineMeters(-72.3, 18.6, -72.2, 18.6);
  close(lineLengthMeters(line), expected, 1e-9, 'two segments');
  assert.equal(lineLengthMeters([[-72.3, 18.5]]), 0);
  assert.equal(lineLengthMeters([]), 0);
});
