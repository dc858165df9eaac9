// Proxies whose trap lookups or forwarding loop back to themselves stop with
// a RangeError (bounded C recursion), as in node.
var h = {}; var p = new Proxy({}, h); Object.setPrototypeOf(h, p);
try { p.x; console.log("no"); } catch (e) { console.log(e.constructor.name); }
try { "x" in p; } catch (e) { console.log(e.constructor.name); }
try { Object.keys(p); } catch (e) { console.log(e.constructor.name); }
var t = {}; var q = new Proxy(t, {}); Object.setPrototypeOf(t, q);
try { q.zz; } catch (e) { console.log("cyc", e.constructor.name); }
try { "zz" in q; } catch (e) { console.log("cyc", e.constructor.name); }
try { q.zz = 1; console.log("set ok"); } catch (e) { console.log("cyc", e.constructor.name); }
var pp = new Proxy(function(){}, {}); var h2 = {apply: pp}; var ap = new Proxy(function(){}, h2); h2.apply = ap;
try { ap(); } catch (e) { console.log("apply", e.constructor.name); }
var hh = new Proxy({}, {get(t, k, r) { return hp[k]; }}); var hp = new Proxy({}, hh);
try { hp.foo; } catch (e) { console.log("handler proxy", e.constructor.name); }
// expect: RangeError
// expect: RangeError
// expect: RangeError
// expect: cyc RangeError
// expect: cyc RangeError
// expect: cyc RangeError
// expect: apply RangeError
// expect: handler proxy RangeError
