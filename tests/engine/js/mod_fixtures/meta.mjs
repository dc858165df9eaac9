export const meta = import.meta;
export function metaAgain() { return import.meta; }
