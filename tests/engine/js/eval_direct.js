// Direct eval: the caller's scope, var hoisting, lexical isolation,
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    console.log(label + ': ' + (typeof r === 'string' ? r : JSON.stringify(r)));
}
t('reads caller', () => { let a = 1; const b = 2; var c = 3; return eval('a + b + c'); });
t('writes caller', () => { let a = 1; eval('a = 5'); return a; });
t('var into function', () => { eval('var v = 7'); return typeof v + ' ' + v; });
t('var seen by closure', () => { function g() { return w; } eval('var w = 8'); return g(); });
t('let stays local', () => { eval('let q = 1; const r = 2'); return typeof q + typeof r; });
t('strict var local', () => { 'use strict'; eval('var s = 1'); return typeof s; });
t('strict code var local', () => { eval('"use strict"; var s2 = 1'); return typeof s2; });
t('function decl', () => { eval('function fd() { return 42; }'); return fd(); });
t('completion', () => [eval('1; 2;'), eval('if (true) { 3 } else { 4 }'), eval('var z = 9'), eval('')]);
t('non-string', () => [eval(5), typeof eval({})]);
t('this', function () { return eval('this.k'); }.bind({ k: 'obj' }));
t('arguments', function () { return eval('arguments.length + arguments[0]'); }.bind(null, 10, 20));
t('conflict let', () => { let x; { eval('var x'); } });
t('catch param ok', () => { try { throw 1; } catch (e) { eval('var e = 2'); return e; } });
t('closure from eval', () => { var s = 'sv'; return eval('(function () { return s; })')(); });
t('nested eval', () => { var n1 = 'a'; return eval('var n2 = "b"; eval("n1 + n2")'); });
t('delete eval var', () => { eval('var d = 1'); const r = delete d; return [r, typeof d]; });
t('shadowing', () => { var s = 'outer'; function g() { eval('var s = "inner"'); return s; } return [g(), s]; });
t('param default eval', () => { function f(a = eval('1 + 1'), b = a) { return b; } return f(); });
t('syntax error', () => eval('let let = 1'));
t('eval alias is indirect', () => { var ev = eval; var loc = 'L'; return ev('typeof loc'); });
var gv = 'global';
t('indirect sees global', () => { var gv = 'local'; return (0, eval)('gv'); });
t('indirect let local', () => { (0, eval)('let il = 1; var iv = 2'); return [typeof il, typeof iv, delete globalThis.iv]; });
t('optional call not direct', () => { var oc = 'local'; return eval?.('typeof oc'); });
// expect: reads caller: 6
// expect: writes caller: 5
// expect: var into function: number 7
// expect: var seen by closure: 8
// expect: let stays local: undefinedundefined
// expect: strict var local: undefined
// expect: strict code var local: undefined
// expect: function decl: 42
// expect: completion: [2,3,null,null]
// expect: non-string: [5,"object"]
// expect: this: obj
// expect: arguments: 12
// expect: conflict let: threw SyntaxError
// expect: catch param ok: 2
// expect: closure from eval: sv
// expect: nested eval: ab
// expect: delete eval var: [true,"undefined"]
// expect: shadowing: ["inner","outer"]
// expect: param default eval: 2
// expect: syntax error: threw SyntaxError
// expect: eval alias is indirect: undefined
// expect: indirect sees global: global
// expect: indirect let local: ["undefined","number",true]
// expect: optional call not direct: undefined
