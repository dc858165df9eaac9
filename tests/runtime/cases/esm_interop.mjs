// ES modules in the runtime: node: built-ins (default and named imports),
// CommonJS files as modules, packages with "exports" import conditions,
// import.meta, dynamic import(), top-level await.
import fs, { readFileSync } from 'node:fs';
import path from 'path';
import cjs, { helper } from './lib/lib.cjs';
import epkg from 'epkg';
import { EventEmitter } from 'events';
console.log(typeof fs.readFileSync, typeof readFileSync, path.basename(import.meta.filename), import.meta.url.startsWith('file:///'));
console.log(cjs.helper(2), helper(3), epkg, typeof EventEmitter);
const m = await import('./lib/dyn.mjs');
console.log(m.default, typeof import.meta.dirname);
