// A cycle: a imports b, b imports a. Hoisted functions of a are callable
// from b's evaluation; a's `let` is still in its TDZ then.
import { fromB, callA } from "./cycle_b.mjs";
export function hoisted() { return "hoisted a"; }
export let lexical = "a lexical";
globalThis.modLog.push("a evaluated; b says " + fromB + " / " + callA());
