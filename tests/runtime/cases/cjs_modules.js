#!/usr/bin/env node
// CommonJS: relative files, JSON, packages with "exports" conditions and
// subpaths, scoped packages with "main", cycles (partial exports), the
// module wrapper's variables, MODULE_NOT_FOUND.
const path = require('path');
const { helper } = require('./lib/helper');
const data = require('./lib/data.json');
const pkg = require('pkg');
const sub = require('pkg/feature');
const sc = require('@sc/mod');
console.log(helper(2), data.name, pkg.name, sub, sc);
console.log(path.basename(__filename), path.basename(__dirname), typeof module, module.id, require.main === module);
console.log(this === module.exports, typeof exports, require.resolve('./lib/helper') === path.join(__dirname, 'lib/helper.js'));
try { require('./missing'); } catch (err) { console.log(err.code, err.message.split('\n')[0]); }
try { require('pkg/private'); } catch (err) { console.log(err.code); }
const a = require('./lib/cycle_a');
console.log('cycle', a.done, require('./lib/cycle_a') === a);
