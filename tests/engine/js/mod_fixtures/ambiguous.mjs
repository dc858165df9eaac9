export * from "./ambiguous_1.mjs";
export * from "./ambiguous_2.mjs";
