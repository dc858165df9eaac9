const { describe, it, beforeEach } = require('node:test');
const assert = require('node:assert');
describe('a suite', () => {
    let n = 0;
    beforeEach(() => { n++; });
    it('sees beforeEach', () => assert.strictEqual(n, 1));
    it('fails on purpose', () => assert.deepStrictEqual({ a: 1 }, { a: 2 }));
});
