// Direct eval in module code: strict, sees module bindings and imports.
import { v, bump } from './dep.mjs';
const local = 5;
export const sum = eval('v + local');
bump();
export const live = eval('v');
export const strictVar = (() => { eval('var hidden = 1'); return typeof hidden; })();
export let assigned = 0;
eval('assigned = 7');
export const thisValue = eval('typeof this');
export function readLater() { return eval('v + assigned'); }
export const importConst = (() => { try { eval('v = 1'); return 'no error'; } catch (e) { return e.name; } })();
