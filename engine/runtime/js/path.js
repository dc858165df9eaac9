// node:path (POSIX): join, resolve, normalize, dirname, basename, extname,
// relative, isAbsolute, parse, format, sep, delimiter; path.posix is the
// same object (ochre runs on POSIX systems).
'use strict';

function assertPath(p, name = 'path') {
    if (typeof p !== 'string') {
        const e = new TypeError(`The "${name}" argument must be of type string. Received ${p === null ? 'null' : typeof p}`);
        e.code = 'ERR_INVALID_ARG_TYPE';
        throw e;
    }
}

// Resolves . and .. segments; keeps leading .. of relative paths.
function normalizeSegments(p, absolute) {
    const out = [];
    for (const seg of p.split('/')) {
        if (seg === '' || seg === '.') continue;
        if (seg === '..') {
            if (out.length && out[out.length - 1] !== '..') out.pop();
            else if (!absolute) out.push('..');
        } else {
            out.push(seg);
        }
    }
    return out.join('/');
}

function normalize(p) {
    assertPath(p);
    if (p === '') return '.';
    const absolute = p.startsWith('/');
    const trailing = p.endsWith('/');
    let r = normalizeSegments(p, absolute);
    if (r === '' && !absolute) r = '.';
    if (r !== '' && trailing) r += '/';
    return absolute ? '/' + r : r;
}

function join(...parts) {
    for (const p of parts) assertPath(p);
    const joined = parts.filter((p) => p !== '').join('/');
    return joined === '' ? '.' : normalize(joined);
}

function resolve(...parts) {
    let resolved = '';
    let absolute = false;
    for (let i = parts.length - 1; i >= -1 && !absolute; i--) {
        const p = i >= 0 ? parts[i] : process.cwd();
        assertPath(p);
        if (p === '') continue;
        resolved = p + '/' + resolved;
        absolute = p.startsWith('/');
    }
    const r = normalizeSegments(resolved, absolute);
    return absolute ? '/' + r : r || '.';
}

function isAbsolute(p) {
    assertPath(p);
    return p.startsWith('/');
}

function dirname(p) {
    assertPath(p);
    if (p === '') return '.';
    let end = p.length;
    while (end > 1 && p[end - 1] === '/') end--;
    const i = p.lastIndexOf('/', end - 1);
    if (i < 0) return '.';
    if (i === 0) return '/';
    if (i === 1 && p[0] === '/') return '//';
    let j = i;
    while (j > 1 && p[j - 1] === '/') j--;
    return p.slice(0, j);
}

function basename(p, ext) {
    assertPath(p);
    let end = p.length;
    while (end > 0 && p[end - 1] === '/') end--;
    if (end === 0) return '';
    const base = p.slice(p.lastIndexOf('/', end - 1) + 1, end);
    if (ext !== undefined && base.endsWith(ext)) return base.slice(0, base.length - ext.length);
    return base;
}

function extname(p) {
    assertPath(p);
    const base = basename(p);
    const dot = base.lastIndexOf('.');
    if (dot <= 0 || dot === base.length - 1 && base.length === 1) return '';
    return dot === 0 ? '' : base.slice(dot);
}

function relative(from, to) {
    assertPath(from, 'from');
    assertPath(to, 'to');
    const a = resolve(from).split('/').filter(Boolean);
    const b = resolve(to).split('/').filter(Boolean);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

function parse(p) {
    assertPath(p);
    const root = p.startsWith('/') ? '/' : '';
    const base = basename(p);
    const ext = extname(p);
    let dir = dirname(p);
    if (dir === '.' && !p.includes('/')) dir = '';
    return { root, dir, base, ext, name: ext ? base.slice(0, base.length - ext.length) : base };
}

function format(obj) {
    if (obj === null || typeof obj !== 'object') {
        const e = new TypeError(`The "pathObject" argument must be of type object. Received ${obj === null ? 'null' : typeof obj}`);
        e.code = 'ERR_INVALID_ARG_TYPE';
        throw e;
    }
    const dir = obj.dir || obj.root;
    const base = obj.base || `${obj.name || ''}${obj.ext ? (obj.ext[0] === '.' ? '' : '.') + obj.ext : ''}`;
    if (!dir) return base;
    return dir === obj.root ? `${dir}${base}` : `${dir}/${base}`;
}

function toNamespacedPath(p) { return p; }

const path = {
    sep: '/', delimiter: ':', normalize, join, resolve, isAbsolute, dirname, basename, extname,
    relative, parse, format, toNamespacedPath,
};
path.posix = path;
module.exports = path;
