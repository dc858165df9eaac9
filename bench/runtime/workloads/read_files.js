// 5,000 small files read with Promise.all(fs.promises.readFile): the
// directory is the first argument (bench/runtime/run.sh creates it).
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const names = fs.readdirSync(dir);
Promise.all(names.map((n) => fs.promises.readFile(path.join(dir, n), 'utf8'))).then((texts) => {
    console.log('read_files', texts.length, texts.reduce((a, t) => a + t.length, 0));
});
