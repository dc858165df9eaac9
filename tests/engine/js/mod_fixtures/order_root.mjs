// Evaluation order: depth first, post order, each module once.
import "./order_x.mjs";
import "./order_y.mjs";
import "./order_x.mjs";
globalThis.modLog.push("root");
