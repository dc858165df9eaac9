// node:fs/promises: the promise forms of node:fs.
'use strict';
module.exports = require('fs').promises;
