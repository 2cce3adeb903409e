import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyWay, defaultSpeedProfile, onewayDirection } from './profile.ts';

describe('classifyWay', () => {
  it('gives the class speed, or the default for an unknown class', () => {
    assert.deepEqual(classifyWay({ highway: 'primary' }, defaultSpeedProfile), { routable: true, highway: 'primary', kmh: 60 });
    assert.deepEqual(classifyWay({ highway: 'road' }, defaultSpeedProfile), { routable: true, highway: 'road', kmh: 25 });
  });

  it('says why a way is not routable', () => {
    const footway = classifyWay({ highway: 'footway' }, defaultSpeedProfile);
    assert.equal(footway.routable, false);
    assert.match(footway.routable ? '' : footway.reason, /highway=footway: .*foot/);
    assert.deepEqual(
      ['steps', 'path', 'cycleway', 'pedestrian'].map((highway) => classifyWay({ highway }, defaultSpeedProfile).routable),
      [false, false, false, false],
    );
    const river = classifyWay({ waterway: 'river' }, defaultSpeedProfile);
    assert.equal(river.routable ? '' : river.code, 'no-highway');
    const square = classifyWay({ highway: 'service', area: 'yes' }, defaultSpeedProfile);
    assert.equal(square.routable ? '' : square.code, 'area');
  });
});

describe('onewayDirection', () => {
  it('reads the oneway tag and what motorways and roundabouts imply', () => {
    assert.equal(onewayDirection({ highway: 'residential' }), 0);
    for (const value of ['yes', '1', 'true', 'YES']) assert.equal(onewayDirection({ oneway: value }), 1);
    assert.equal(onewayDirection({ oneway: '-1' }), -1);
    assert.equal(onewayDirection({ highway: 'motorway' }), 1);
    assert.equal(onewayDirection({ highway: 'tertiary', junction: 'roundabout' }), 1);
    assert.equal(onewayDirection({ highway: 'motorway', oneway: 'no' }), 0);
  });
});
