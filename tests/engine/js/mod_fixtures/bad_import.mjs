import { nope } from "./counter.mjs";
