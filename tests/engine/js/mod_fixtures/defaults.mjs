// The forms of `export default` and their names.
export default class {}
export const fnAnon = (await import("./default_fn_anon.mjs")).default;
export const expr = (await import("./default_expr.mjs")).default;
export const named = (await import("./default_fn_named.mjs")).default;
