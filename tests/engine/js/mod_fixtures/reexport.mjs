// Re-exports: named, renamed, star (without default), star as namespace.
export * from "./counter.mjs";
export { default as counterDefault, count as c } from "./counter.mjs";
export * as counterNs from "./counter.mjs";
import * as ns2 from "./counter.mjs";
export { ns2 };
export const own = "own";
