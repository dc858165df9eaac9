import "./tla_reject_dep.mjs";
globalThis.modLog.push("never");
