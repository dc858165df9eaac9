// Top-level await ordering: async siblings, a sync module waiting on an
// async dependency, promise jobs interleaving with module bodies.
import "./tla_a.mjs";
import "./tla_sync_parent.mjs";
import "./tla_c.mjs";
globalThis.modLog.push("root");
