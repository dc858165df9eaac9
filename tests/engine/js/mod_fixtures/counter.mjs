// Live bindings: importers see every update of `count`.
export let count = 0;
export function inc() { count++; return count; }
export var later;
later = "set at evaluation";
export default function named() { return "default fn"; }
export { count as aliased, inc as "string name" };
