// for await: async iterables, sync iterables (values awaited), break /
// return / throw closing the iterator with an awaited return().
var log = [];
function asyncIterable(n) {
  var i = 0;
  return {
    [Symbol.asyncIterator]() { return this; },
    next() { log.push("next"); return Promise.resolve({ value: i++, done: i > n }); },
    return() { log.push("return"); return new Promise(r => Promise.resolve().then(() => { log.push("return settled"); r({}); })); },
  };
}
async function main() {
  for await (var v of asyncIterable(2)) log.push("v" + v);
  print(log.join(","));
  log = [];
  for await (var v of asyncIterable(5)) { if (v === 1) break; log.push("v" + v); }
  log.push("after break");
  print(log.join(","));
  log = [];
  try {
    for await (var v of asyncIterable(5)) throw new Error("body");
  } catch (e) { log.push("caught " + e.message); }
  print(log.join(","));
  log = [];
  async function early() { for await (var v of asyncIterable(5)) return "early " + v; }
  log.push(await early());
  print(log.join(","));
  var out = [];
  for await (const [a, { b }] of [[1, { b: 2 }], Promise.resolve([3, { b: 4 }])]) out.push(a + b);
  print(out.join());
  var gen = (function* () { try { yield Promise.resolve("x"); yield "y"; } finally { print("sync closed"); } })();
  for await (var s of gen) { print(s); break; }
  try { for await (var z of [Promise.reject(new Error("rej"))]) print("no"); } catch (e) { print("rejected value: " + e.message); }
  async function* agen() { yield* [Promise.resolve(1), 2]; yield* asyncIterable(1); }
  log = [];
  for await (var q of agen()) log.push("q" + q);
  print(log.join(","));
}
main().then(() => print("main done"), e => print("main failed " + e));

// Output checked against node 20 (same program with console.log):
// expect: next,v0,next,v1,next
// expect: next,v0,next,return,return settled,after break
// expect: next,return,return settled,caught body
// expect: next,return,return settled,early 0
// expect: 3,7
// expect: x
// expect: sync closed
// expect: rejected value: rej
// expect: q1,q2,next,q0,next
// expect: main done
