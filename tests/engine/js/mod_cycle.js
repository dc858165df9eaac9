// Module cycles: hoisted functions across the cycle, TDZ of lexical
// bindings read early (directly and through the namespace), evaluation
// order (post order, once each). Expectations from node 20.
globalThis.modLog = [];
import("./mod_fixtures/cycle_a.mjs").then((a) => {
  for (const l of modLog) console.log(l);
  console.log("after", a.lexical, a.hoisted());
  modLog.length = 0;
  return import("./mod_fixtures/order_root.mjs");
}).then(() => {
  console.log("order", modLog.join(" "));
  return import("./mod_fixtures/order_y.mjs");
}).then(() => console.log("again", modLog.join(" ")))
  .catch((e) => console.log("error", e));
// expect: b evaluated; hoisted a; tdz ReferenceError; ns ReferenceError; keys ReferenceError; has true
// expect: a evaluated; b says b value / hoisted a
// expect: after a lexical hoisted a
// expect: order z x y root
// expect: again z x y root
