// CommonJS modules with Node's resolution (engine/runtime/rt_modules.c
// evaluates this file once, when the main module starts, and calls the
// function with the host binding). Resolution: node: and bare built-in
// names, relative and absolute paths with the .js/.json/.cjs extensions and
// directory index files, node_modules walking up from the requiring file,
// package.json `main` and `exports` (conditions require, node, default),
// package self-reference. Loading: .json parsed, .mjs refused
// (ERR_REQUIRE_ESM, as in Node 20), anything else compiled as CommonJS.
(function (binding) {
    'use strict';
    const cache = Object.create(null);         // filename -> Module
    const builtinCache = Object.create(null);  // name -> exports
    const REQUIRE_CONDITIONS = ['require', 'node', 'default'];
    const IMPORT_CONDITIONS = ['import', 'node', 'default'];
    let CONDITIONS = REQUIRE_CONDITIONS;

    function isBuiltin(name) {
        return binding.builtinSource(name) !== undefined || name === 'process' || name === 'timers';
    }

    function dirname(p) {
        const i = p.lastIndexOf('/');
        return i <= 0 ? '/' : p.slice(0, i);
    }

    function normalize(p) {
        const out = [];
        for (const part of p.split('/')) {
            if (part === '' || part === '.') continue;
            if (part === '..') out.pop();
            else out.push(part);
        }
        return '/' + out.join('/');
    }

    function join(a, b) { return normalize(b.startsWith('/') ? b : a + '/' + b); }

    function codedError(message, code) {
        const e = new Error(message);
        e.code = code;
        return e;
    }

    function readPackage(dir) {
        const text = binding.readFile(dir + '/package.json');
        if (text === undefined) return undefined;
        try {
            return JSON.parse(text);
        } catch (e) {
            throw codedError(`Invalid package config ${dir}/package.json: ${e.message}`, 'ERR_INVALID_PACKAGE_CONFIG');
        }
    }

    function tryFile(p) { return binding.stat(p) === 1 ? binding.realpath(p) : undefined; }

    function tryExtensions(p) {
        return tryFile(p) || tryFile(p + '.js') || tryFile(p + '.json') || tryFile(p + '.cjs');
    }

    function tryDirectory(p) {
        if (binding.stat(p) !== 2) return undefined;
        const pkg = readPackage(p);
        if (pkg && typeof pkg.main === 'string' && pkg.main !== '') {
            const m = join(p, pkg.main);
            const found = tryExtensions(m) || tryFile(m + '/index.js') || tryFile(m + '/index.json');
            if (found) return found;
        }
        return tryFile(p + '/index.js') || tryFile(p + '/index.json') || tryFile(p + '/index.cjs');
    }

    function tryPath(p) { return tryExtensions(p) || tryDirectory(p); }

    // package.json "exports": the target of subpath ('.' or './x').
    function resolveTarget(pkgDir, target, star) {
        if (typeof target === 'string') {
            if (!target.startsWith('./')) return undefined;
            return join(pkgDir, star === undefined ? target : target.split('*').join(star));
        }
        if (Array.isArray(target)) {
            for (const t of target) {
                const r = resolveTarget(pkgDir, t, star);
                if (r !== undefined) return r;
            }
            return undefined;
        }
        if (target !== null && typeof target === 'object') {
            for (const key of Object.keys(target))
                if (CONDITIONS.includes(key)) {
                    const r = resolveTarget(pkgDir, target[key], star);
                    if (r !== undefined) return r;
                }
        }
        return undefined;
    }

    function resolveExports(pkgDir, exports, subpath, request) {
        if (typeof exports === 'string' || Array.isArray(exports) ||
            (exports && typeof exports === 'object' && !Object.keys(exports).some((k) => k.startsWith('.'))))
            exports = { '.': exports };
        let target;
        if (Object.prototype.hasOwnProperty.call(exports, subpath)) {
            target = resolveTarget(pkgDir, exports[subpath]);
        } else {
            for (const key of Object.keys(exports)) {
                const star = key.indexOf('*');
                if (star < 0) continue;
                const pre = key.slice(0, star), post = key.slice(star + 1);
                if (subpath.startsWith(pre) && subpath.endsWith(post) && subpath.length >= key.length - 1) {
                    target = resolveTarget(pkgDir, exports[key], subpath.slice(pre.length, subpath.length - post.length));
                    break;
                }
            }
        }
        if (target === undefined)
            throw codedError(`Package subpath '${subpath}' is not defined by "exports" in ${pkgDir}/package.json` +
                (request ? ` imported from the module requiring '${request}'` : ''), 'ERR_PACKAGE_PATH_NOT_EXPORTED');
        return tryFile(target) || target;
    }

    function resolvePackage(dir, name, subpath, request) {
        const pkgDir = dir + '/' + name;
        if (binding.stat(pkgDir) !== 2) return undefined;
        const pkg = readPackage(pkgDir);
        if (pkg && pkg.exports !== undefined && pkg.exports !== null)
            return resolveExports(pkgDir, pkg.exports, subpath === '' ? '.' : '.' + subpath, request);
        return tryPath(pkgDir + subpath);
    }

    function resolveFilename(request, parentDir, parentFile) {
        if (request.startsWith('node:')) {
            if (isBuiltin(request.slice(5))) return request;
            throw codedError(`No such built-in module: ${request}`, 'ERR_UNKNOWN_BUILTIN_MODULE');
        }
        if (isBuiltin(request)) return 'node:' + request;
        let found;
        if (request.startsWith('./') || request.startsWith('../') || request.startsWith('/') ||
            request === '.' || request === '..') {
            found = tryPath(join(parentDir, request));
        } else {
            const parts = request.split('/');
            const nameLen = request.startsWith('@') ? 2 : 1;
            const name = parts.slice(0, nameLen).join('/');
            const subpath = parts.length > nameLen ? '/' + parts.slice(nameLen).join('/') : '';
            for (let dir = parentDir; found === undefined; dir = dirname(dir)) {
                // Self-reference: a package requiring itself by name.
                const pkg = binding.stat(dir + '/package.json') === 1 ? readPackage(dir) : undefined;
                if (pkg && pkg.name === name && pkg.exports !== undefined && pkg.exports !== null)
                    found = resolveExports(dir, pkg.exports, subpath === '' ? '.' : '.' + subpath, request);
                if (found === undefined && !dir.endsWith('/node_modules'))
                    found = resolvePackage(dir + '/node_modules', name, subpath, request);
                if (dir === '/') break;
            }
        }
        if (found === undefined) {
            const e = codedError(`Cannot find module '${request}'` + (parentFile ? `\nRequire stack:\n- ${parentFile}` : ''),
                'MODULE_NOT_FOUND');
            e.requireStack = parentFile ? [parentFile] : [];
            throw e;
        }
        return found;
    }

    function Module(id, parent) {
        this.id = id;
        this.path = dirname(id);
        this.exports = {};
        this.filename = id;
        this.loaded = false;
        this.children = [];
        this.paths = [];
        if (parent) parent.children.push(this);
    }

    function loadBuiltin(name) {
        if (name in builtinCache) return builtinCache[name];
        const native = binding.nativeModule(name);
        if (native !== undefined) return (builtinCache[name] = native);
        const src = binding.builtinSource(name);
        const module = new Module('node:' + name, null);
        builtinCache[name] = module.exports;
        const fn = binding.compile(src, 'node:' + name, true);
        fn.call(module.exports, module.exports, makeRequire(module), module, 'node:' + name, '/', binding);
        builtinCache[name] = module.exports;
        return module.exports;
    }

    function makeRequire(module) {
        function require(request) {
            if (typeof request !== 'string')
                throw codedError(`The "id" argument must be of type string. Received ${typeof request}`, 'ERR_INVALID_ARG_TYPE');
            if (request === '')
                throw codedError(`The argument 'id' must be a non-empty string. Received ''`, 'ERR_INVALID_ARG_VALUE');
            const filename = resolveFilename(request, module.path, module.filename);
            if (filename.startsWith('node:')) return loadBuiltin(filename.slice(5));
            const cached = cache[filename];
            if (cached) return cached.exports;
            if (filename.endsWith('.mjs'))
                throw codedError(`require() of ES Module ${filename} not supported.`, 'ERR_REQUIRE_ESM');
            const child = new Module(filename, module);
            cache[filename] = child;
            let ok = false;
            try {
                load(child);
                ok = true;
            } finally {
                if (!ok) delete cache[filename];
            }
            return child.exports;
        }
        require.resolve = (request) => {
            const f = resolveFilename(request, module.path, module.filename);
            return f.startsWith('node:') ? request : f;
        };
        require.cache = cache;
        require.main = mainModule;
        return require;
    }

    function load(module) {
        const text = binding.readFile(module.filename);
        if (text === undefined) throw codedError(`Cannot read '${module.filename}'`, 'MODULE_NOT_FOUND');
        if (module.filename.endsWith('.json')) {
            try {
                module.exports = JSON.parse(text);
            } catch (e) {
                e.message = module.filename + ': ' + e.message;
                throw e;
            }
        } else {
            const fn = binding.compile(text, module.filename);
            fn.call(module.exports, module.exports, makeRequire(module), module, module.filename, module.path);
        }
        module.loaded = true;
    }

    let mainModule;
    return {
        // Runs the main module (an absolute path) with its already read
        // source text.
        runMain(filename, text) {
            mainModule = new Module(filename, null);
            mainModule.id = '.';
            cache[filename] = mainModule;
            const fn = binding.compile(text, filename);
            fn.call(mainModule.exports, mainModule.exports, makeRequire(mainModule), mainModule, filename, mainModule.path);
            mainModule.loaded = true;
        },
        require(request, fromDir) {
            return makeRequire({ path: fromDir, filename: fromDir + '/[eval]', children: [] })(request);
        },
        // ES modules (rt_esm.c): resolution with the import condition...
        resolveImport(request, referrer) {
            CONDITIONS = IMPORT_CONDITIONS;
            try {
                return resolveFilename(request, dirname(referrer), referrer);
            } finally {
                CONDITIONS = REQUIRE_CONDITIONS;
            }
        },
        // ...the "type" of the package a file belongs to...
        packageType(file) {
            for (let dir = dirname(file); ; dir = dirname(dir)) {
                const pkg = binding.stat(dir + '/package.json') === 1 ? readPackage(dir) : undefined;
                if (pkg) return typeof pkg.type === 'string' ? pkg.type : 'commonjs';
                if (dir === '/') return 'commonjs';
            }
        },
        // ...and the value behind a synthetic module: 'node:fs' or 'cjs:/path'.
        requireKey(key) {
            if (key.startsWith('node:')) return loadBuiltin(key.slice(5));
            const file = key.slice(4);
            return makeRequire({ path: dirname(file), filename: file, children: [] })(file);
        },
    };
});
