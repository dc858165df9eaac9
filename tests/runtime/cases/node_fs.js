// node:fs (sync, callback, promises) in a temporary directory.
const fs = require('fs');
const path = require('path');
const dir = path.join('/tmp', `ochre-fs-test-${process.pid}`);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(path.join(dir, 'sub/deeper'), { recursive: true });
fs.writeFileSync(path.join(dir, 'a.txt'), 'alpha');
fs.appendFileSync(path.join(dir, 'a.txt'), ' beta');
console.log(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'));
console.log(fs.readdirSync(dir), fs.readdirSync(dir, { withFileTypes: true }).map((d) => [d.name, d.isDirectory()]));
const st = fs.statSync(path.join(dir, 'a.txt'));
console.log(st.isFile(), st.isDirectory(), st.size);
fs.renameSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
console.log(fs.existsSync(path.join(dir, 'a.txt')), fs.existsSync(path.join(dir, 'b.txt')));
try { fs.readFileSync(path.join(dir, 'nope.txt'), 'utf8'); } catch (e) { console.log(e.code, e.syscall, e.errno < 0); }
try { fs.mkdirSync(dir); } catch (e) { console.log(e.code, e.syscall); }
fs.readFile(path.join(dir, 'b.txt'), 'utf8', (err, text) => {
    console.log('callback', err, text);
    fs.promises.readdir(dir).then((names) => {
        console.log('promises', names);
        fs.rmSync(dir, { recursive: true });
        console.log('removed', fs.existsSync(dir));
    });
});
