globalThis.modLog.push("b start");
Promise.resolve().then(() => globalThis.modLog.push("b job 1")).then(() => globalThis.modLog.push("b job 2"));
await 0;
globalThis.modLog.push("b end");
export const fromB = "B";
