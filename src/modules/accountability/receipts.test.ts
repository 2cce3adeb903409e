import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RECEIPT_BITS, leadingReceipt, newReceiptCode, normaliseReceipt, receiptHash } from './receipts.ts';

describe('receipt codes', () => {
  test('are three groups of four Crockford symbols carrying at least 60 random bits', () => {
    assert.ok(RECEIPT_BITS >= 60);
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const code = newReceiptCode();
      assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      codes.add(code);
    }
    assert.equal(codes.size, 2000);
    // Every symbol of the alphabet turns up, in every position: no position is fixed or biased away.
    const symbols = new Set([...codes].join('').replaceAll('-', ''));
    assert.equal(symbols.size, 32);
  });

  test('are read back however they were written down', () => {
    const code = 'K7Q2-9XJD-M4TP';
    assert.equal(normaliseReceipt('k7q2 9xjd m4tp'), code);
    assert.equal(normaliseReceipt('K7Q29XJDM4TP'), code);
    assert.equal(normaliseReceipt('  k7q2-9xjd-m4tp '), code);
    assert.equal(normaliseReceipt('O0IL-0000-0000'), '0011-0000-0000');
    assert.equal(normaliseReceipt('K7Q2-9XJD-M4T'), null);
    assert.equal(normaliseReceipt('K7Q2-9XJD-M4TU'), null, 'U is not in the alphabet');
    assert.equal(normaliseReceipt("'; drop table complaints; --"), null);
    assert.equal(receiptHash(normaliseReceipt('k7q29xjdm4tp')!), receiptHash(code));
    assert.match(receiptHash(code), /^[0-9a-f]{64}$/);
    assert.ok(!receiptHash(code).includes('K7Q2'));
  });

  test('are found at the start of an SMS follow-up', () => {
    assert.deepEqual(leadingReceipt('K7Q2-9XJD-M4TP li te gen yon zam'), { code: 'K7Q2-9XJD-M4TP', rest: 'li te gen yon zam' });
    assert.deepEqual(leadingReceipt('k7q2 9xjd m4tp: more'), { code: 'K7Q2-9XJD-M4TP', rest: 'more' });
    assert.equal(leadingReceipt('Polisye yo bat mwen'), null);
  });
});
