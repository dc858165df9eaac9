import data from "./data.json" with { type: "json" };
import again from "./data.json" with { type: "json" };
export const same = data === again;
export const name = data.name;
export const sum = data.list.reduce((a, b) => a + b, 0);
