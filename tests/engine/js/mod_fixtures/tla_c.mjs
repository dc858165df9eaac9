globalThis.modLog.push("c (sync)");
