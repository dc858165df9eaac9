import "./order_z.mjs";
globalThis.modLog.push("x");
