import { hoisted, lexical } from "./cycle_a.mjs";
import * as nsA from "./cycle_a.mjs";
export const fromB = "b value";
export function callA() { return hoisted(); }
let tdz;
try { tdz = lexical; } catch (e) { tdz = e.name; }
let nsTdz;
try { nsTdz = nsA.lexical; } catch (e) { nsTdz = e.name; }
let keys;
try { keys = Object.keys(nsA).join(","); } catch (e) { keys = e.name; }
globalThis.modLog.push("b evaluated; " + hoisted() + "; tdz " + tdz + "; ns " + nsTdz + "; keys " + keys + "; has " + ("lexical" in nsA));
