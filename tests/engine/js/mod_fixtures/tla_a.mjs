globalThis.modLog.push("a start");
await null;
globalThis.modLog.push("a after 1");
await new Promise((r) => setTimeout ? r() : r());
globalThis.modLog.push("a end");
