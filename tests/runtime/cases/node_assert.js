// node:assert: passing checks are silent; failures throw AssertionError
// with code ERR_ASSERTION and the operator.
const assert = require('assert');
const strict = require('node:assert/strict');
assert.ok(1);
assert.equal(1, '1');
assert.strictEqual(NaN, NaN);
assert.deepEqual({ a: [1, 2] }, { a: ['1', 2] });
assert.deepStrictEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] });
assert.notDeepStrictEqual({ a: 1 }, { a: '1' });
assert.throws(() => { throw new TypeError('x'); }, TypeError);
assert.throws(() => { throw new Error('abc'); }, /abc/);
assert.throws(() => { throw Object.assign(new Error('m'), { code: 'E1' }); }, { code: 'E1', message: 'm' });
assert.doesNotThrow(() => 1);
const check = (fn) => {
    try { fn(); console.log('no throw'); } catch (e) {
        console.log(e.name, e.code, e.operator, e instanceof assert.AssertionError, JSON.stringify(e.message.split('\n')[0]));
    }
};
check(() => assert.strictEqual(1, 2));
check(() => assert.equal(1, 2));
check(() => strict.equal(1, '1'));
check(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }));
check(() => assert.ok(0));
check(() => assert.throws(() => {}));
check(() => assert.fail('custom'));
check(() => assert.strictEqual(1, 2, 'my message'));
check(() => assert.match('abc', /x/));
assert.rejects(Promise.reject(new Error('r')), /r/).then(() => console.log('rejects ok'));
assert.rejects(Promise.resolve(1)).catch((e) => console.log('rejects failed:', e.code));
