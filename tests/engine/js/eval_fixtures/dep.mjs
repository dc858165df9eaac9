export let v = 10;
export function bump() { v++; }
