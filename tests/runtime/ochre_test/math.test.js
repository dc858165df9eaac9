const test = require('node:test');
const assert = require('node:assert/strict');
test('adds', () => assert.equal(1 + 1, 2));
test('async works', async () => { await new Promise((r) => setTimeout(r, 1)); });
test('callback style', (t, done) => setImmediate(done));
test('with subtests', async (t) => {
    await t.test('inner one', () => {});
    await t.test('inner two', () => {});
});
test.skip('skipped', () => { throw new Error('not run'); });
test.todo('later');
