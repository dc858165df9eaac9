import { fromB } from "./tla_b.mjs";
globalThis.modLog.push("sync parent sees " + fromB);
