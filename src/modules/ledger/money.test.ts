import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decimalString, fromMinorUnits, normaliseRate, toMinorUnits, usdCents } from './money.ts';

describe('ledger money', () => {
  test('amounts become exact minor units of their currency and back', () => {
    assert.equal(toMinorUnits('100000000', 'USD'), 10_000_000_000);
    assert.equal(toMinorUnits(1250000.5, 'KES'), 125_000_050);
    assert.equal(toMinorUnits('1500', 'JPY'), 1500);
    assert.equal(toMinorUnits('12.345', 'KWD'), 12_345);
    assert.equal(fromMinorUnits(125_000_050, 'KES'), '1250000.50');
    assert.equal(fromMinorUnits(1500, 'JPY'), '1500');
    assert.equal(fromMinorUnits(5, 'USD'), '0.05');
  });

  test('too many decimals, zero and absurd amounts are refused with the field named', () => {
    assert.throws(() => toMinorUnits('10.5', 'JPY'), (e: { code: string; details: { path: string }[] }) => e.code === 'VALIDATION_FAILED' && e.details[0]!.path === 'amount');
    assert.throws(() => toMinorUnits('0.001', 'USD'), /at most 2 decimals/);
    assert.throws(() => toMinorUnits('0', 'USD'), /more than 0/);
    assert.throws(() => toMinorUnits('999999999999999', 'KWD'), /too large/);
  });

  test('USD values are converted at the stored rate and rounded half up once', () => {
    assert.equal(usdCents(10_000_000_000, 'USD', '1'), 10_000_000_000);
    // 1,000,000.00 KES at 0.0068 USD/KES = 6,800.00 USD
    assert.equal(usdCents(100_000_000, 'KES', '0.0068'), 680_000);
    // 1 JPY at 0.00675 USD = 0.675 cents -> 1 cent
    assert.equal(usdCents(1, 'JPY', '0.00675'), 1);
    assert.equal(usdCents(1, 'JPY', '0.004'), 0);
    assert.equal(normaliseRate(0.0000075, 'EUR'), '0.0000075');
    assert.equal(normaliseRate('1.0850', 'EUR'), '1.085');
    assert.equal(normaliseRate(undefined, 'USD'), '1');
    assert.throws(() => normaliseRate(undefined, 'KES'), /exchange rate/);
    assert.equal(decimalString(1e-7), '0.0000001');
  });
});
