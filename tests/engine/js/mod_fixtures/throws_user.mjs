import { x } from "./throws.mjs";
globalThis.modLog.push("never " + x);
