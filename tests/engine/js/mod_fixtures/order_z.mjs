globalThis.modLog.push("z");
