import "./order_z.mjs";
import "./order_root.mjs";
globalThis.modLog.push("y");
