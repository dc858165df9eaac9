// Annex B.3.3 function declarations in blocks (sloppy code): the block
// binding, the var binding of the function scope, in eval code and in
// switch cases; `if (x) function f() {}` (B.3.4).
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    console.log(label + ': ' + (typeof r === 'string' ? r : JSON.stringify(r)));
}
t('block fn var', () => { const before = typeof bf; { function bf() { return 1; } } return [before, typeof bf]; });
t('if fn', () => { if (true) function iff() { return typeof iff; } return iff(); });
t('if fn not taken', () => { if (false) function nf() {} return typeof nf; });
t('switch fn', () => { switch (1) { case 1: function sf() { return 's'; } } return sf(); });
t('let blocks hoist', () => { let lb = 'let'; { function lb2() {} } return [lb, typeof lb2]; });
t('eval block fn', () => { eval('{ function ebf() { return "e"; } }'); return ebf(); });
t('eval if fn', () => { eval('if (true) function eif() { return "i"; }'); return eif(); });
t('global via eval', () => { (0, eval)('{ function gbf() { return "g"; } }'); return typeof globalThis.gbf; });
t('inner update', () => { { function up() {} up = 1; } return typeof up; });
// expect: block fn var: ["undefined","function"]
// expect: if fn: function
// expect: if fn not taken: undefined
// expect: switch fn: s
// expect: let blocks hoist: ["let","function"]
// expect: eval block fn: e
// expect: eval if fn: i
// expect: global via eval: function
// expect: inner update: function
