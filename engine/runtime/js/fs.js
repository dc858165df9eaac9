// node:fs: the synchronous API, the callback API and fs.promises on the
// runtime's file primitives (rt_fs.c). Contents are UTF-8 strings (Buffer
// comes with typed arrays). The callback and promise forms still do their
// work on the loop thread and deliver results asynchronously.
'use strict';

function pathOf(p) {
    if (typeof p === 'string') return p;
    if (p && typeof p.href === 'string' && p.protocol === 'file:') return decodeURIComponent(p.pathname);
    const e = new TypeError(`The "path" argument must be of type string. Received ${p === null ? 'null' : typeof p}`);
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
}

function Stats(a) {
    this.size = a[1];
    this.mtimeMs = a[2];
    this.mode = a[3];
    if (typeof Date === 'function') this.mtime = new Date(a[2]);
    Object.defineProperty(this, '_kind', { value: a[0] });
}
Stats.prototype.isFile = function () { return this._kind === 1; };
Stats.prototype.isDirectory = function () { return this._kind === 2; };
Stats.prototype.isSymbolicLink = function () { return this._kind === 3; };

function Dirent(name, kind) {
    this.name = name;
    Object.defineProperty(this, '_kind', { value: kind });
}
Dirent.prototype.isFile = Stats.prototype.isFile;
Dirent.prototype.isDirectory = Stats.prototype.isDirectory;
Dirent.prototype.isSymbolicLink = Stats.prototype.isSymbolicLink;

const fs = {
    readFileSync(p) { return binding.fsRead(pathOf(p)); },
    writeFileSync(p, data) { binding.fsWrite(pathOf(p), String(data), false); },
    appendFileSync(p, data) { binding.fsWrite(pathOf(p), String(data), true); },
    existsSync(p) {
        try { return binding.stat(pathOf(p)) !== 0; } catch { return false; }
    },
    statSync(p) { return new Stats(binding.fsStat(pathOf(p), false)); },
    lstatSync(p) { return new Stats(binding.fsStat(pathOf(p), true)); },
    readdirSync(p, options) {
        const names = binding.fsReaddir(pathOf(p));
        if (!options || !options.withFileTypes) return names;
        return names.map((n) => new Dirent(n, binding.fsStat(pathOf(p) + '/' + n, true)[0]));
    },
    mkdirSync(p, options) {
        binding.fsMkdir(pathOf(p), !!(options && (options === true || options.recursive)));
    },
    unlinkSync(p) { binding.fsUnlink(pathOf(p)); },
    rmdirSync(p) { binding.fsRmdir(pathOf(p)); },
    renameSync(a, b) { binding.fsRename(pathOf(a), pathOf(b)); },
    rmSync(p, options) {
        const path = pathOf(p);
        let st;
        try {
            st = binding.fsStat(path, true);
        } catch (e) {
            if (options && options.force && e.code === 'ENOENT') return;
            throw e;
        }
        if (st[0] === 2) {
            if (!options || !options.recursive) {
                const e = new Error(`Path is a directory: rm returned EISDIR (is a directory) ${path}`);
                e.code = 'ERR_FS_EISDIR';
                throw e;
            }
            for (const n of binding.fsReaddir(path)) fs.rmSync(path + '/' + n, options);
            binding.fsRmdir(path);
        } else {
            binding.fsUnlink(path);
        }
    },
    copyFileSync(a, b) { binding.fsWrite(pathOf(b), binding.fsRead(pathOf(a)), false); },
    realpathSync(p) { return binding.realpath(pathOf(p)); },
    accessSync(p) { binding.fsStat(pathOf(p), false); },
};

// Callback forms: fs.x(args..., cb) runs xSync and calls back on a later tick.
const callbackNames = ['readFile', 'writeFile', 'appendFile', 'stat', 'lstat', 'readdir', 'mkdir',
    'unlink', 'rmdir', 'rename', 'rm', 'copyFile', 'realpath', 'access'];
const promises = {};
for (const name of callbackNames) {
    const sync = fs[name + 'Sync'];
    fs[name] = function (...args) {
        const cb = args.pop();
        if (typeof cb !== 'function') {
            const e = new TypeError(`The "cb" argument must be of type function. Received ${typeof cb}`);
            e.code = 'ERR_INVALID_ARG_TYPE';
            throw e;
        }
        let result, error = null;
        try { result = sync(...args); } catch (e) { error = e; }
        setImmediate(() => (error ? cb(error) : cb(null, result)));
    };
    promises[name] = (...args) => new Promise((resolve, reject) => {
        setImmediate(() => {
            try { resolve(sync(...args)); } catch (e) { reject(e); }
        });
    });
}
fs.exists = (p, cb) => setImmediate(() => cb(fs.existsSync(p)));
fs.promises = promises;
fs.Stats = Stats;
fs.Dirent = Dirent;
fs.constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 };
module.exports = fs;
