import { dup } from "./ambiguous.mjs";
