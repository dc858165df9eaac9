// Arguments objects: mapped (sloppy, simple parameters) alias the
// parameters until unmapped by delete or defineProperty; unmapped ones
// (strict, non-simple parameters) do not.
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    console.log(label + ': ' + (typeof r === 'string' ? r : JSON.stringify(r)));
}
t('write arg -> param', () => { function f(a) { arguments[0] = 2; return a; } return f(1); });
t('write param -> arg', () => { function f(a) { a = 3; return arguments[0]; } return f(1); });
t('extra arg not mapped', () => { function f(a) { arguments[1] = 5; return [a, arguments[1], arguments.length]; } return f(1, 2); });
t('missing arg not mapped', () => { function f(a, b) { b = 4; return [arguments[1], arguments.length]; } return f(1); });
t('delete unmaps', () => { function f(a) { delete arguments[0]; arguments[0] = 9; return [a, arguments[0]]; } return f(1); });
t('readonly unmaps', () => {
    function f(a) { Object.defineProperty(arguments, '0', { writable: false }); a = 7; return [a, arguments[0]]; }
    return f(1);
});
t('define value maps', () => { function f(a) { Object.defineProperty(arguments, '0', { value: 6 }); return a; } return f(1); });
t('accessor unmaps', () => {
    function f(a) { Object.defineProperty(arguments, '0', { get() { return 'g'; } }); a = 2; return [a, arguments[0]]; }
    return f(1);
});
t('descriptor', () => { function f(a) { a = 5; return Object.getOwnPropertyDescriptor(arguments, '0'); } return f(1); });
t('duplicate params', () => { function f(a, a) { a = 3; return [arguments[0], arguments[1]]; } return f(1, 2); });
t('callee', () => { function f() { return arguments.callee === f; } return f(); });
t('closure alias', () => { function f(a) { const g = () => arguments[0]; a = 'changed'; return g(); } return f('orig'); });
t('strict unmapped', () => { function f(a) { 'use strict'; a = 2; return arguments[0]; } return f(1); });
t('strict callee', () => { function f() { 'use strict'; return arguments.callee; } return f(); });
t('default params unmapped', () => { function f(a = 0) { a = 2; return arguments[0]; } return f(1); });
t('toString tag', () => { function f(a) { return Object.prototype.toString.call(arguments); } return f(1); });
t('spread', () => { function f(a, b) { b = 'B'; return [...arguments]; } return f('a', 'b', 'c'); });
t('keys', () => { function f(a, b) { return Object.keys(arguments); } return f(1, 2); });
// expect: write arg -> param: 2
// expect: write param -> arg: 3
// expect: extra arg not mapped: [1,5,2]
// expect: missing arg not mapped: [null,1]
// expect: delete unmaps: [1,9]
// expect: readonly unmaps: [7,1]
// expect: define value maps: 6
// expect: accessor unmaps: [2,"g"]
// expect: descriptor: {"value":5,"writable":true,"enumerable":true,"configurable":true}
// expect: duplicate params: [1,3]
// expect: callee: true
// expect: closure alias: changed
// expect: strict unmapped: 1
// expect: strict callee: threw TypeError
// expect: default params unmapped: 1
// expect: toString tag: [object Arguments]
// expect: spread: ["a","B","c"]
// expect: keys: ["0","1"]
