globalThis.modLog.push("throws evaluated");
export const x = 1;
throw new URIError("thrown once");
