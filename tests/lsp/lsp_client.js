// A minimal LSP client for the tests and the benchmark: spawns a server,
// frames and parses its output, and lets a test send raw bytes or messages
// and wait for what comes back. No npm dependencies.
'use strict';
const { spawn } = require('child_process');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..');

// Frames a message (object or string) as Content-Length + body.
function frame(msg) {
    const body = Buffer.from(typeof msg === 'string' ? msg : JSON.stringify(msg), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

class Client {
    // cmd: argv array; defaults to $OCHRE (or build/ochre) lsp.
    constructor(cmd, opts = {}) {
        const bin = process.env.OCHRE || path.join(REPO, 'build', 'ochre');
        cmd = cmd || [bin, 'lsp'];
        this.proc = spawn(cmd[0], cmd.slice(1), { stdio: ['pipe', 'pipe', opts.stderr || 'pipe'] });
        this.buf = Buffer.alloc(0);
        this.messages = [];      // everything received, in order
        this.waiters = [];
        this.exitCode = null;
        this.stderr = '';
        this.nextId = 1;
        this.badFrames = 0;
        if (this.proc.stderr) this.proc.stderr.on('data', (d) => { this.stderr += d; });
        this.proc.stdout.on('data', (d) => this._onData(d));
        this.exited = new Promise((resolve) => {
            this.proc.on('exit', (code, signal) => {
                this.exitCode = code === null ? 'signal ' + signal : code;
                resolve(this.exitCode);
                this._wake();
            });
        });
        this.proc.stdin.on('error', () => {});  // EPIPE after the server exits
    }

    _onData(d) {
        // A large message arrives in many chunks: collect them until the
        // announced body is complete instead of concatenating each time
        // (quadratic for a 30 MB answer).
        if (this.pendingNeed && this.pendingLen + d.length < this.pendingNeed) {
            this.pending.push(d);
            this.pendingLen += d.length;
            return;
        }
        this.buf = Buffer.concat([this.buf, ...(this.pending || []), d]);
        this.pending = [];
        this.pendingLen = this.buf.length;
        this.pendingNeed = 0;
        for (;;) {
            const sep = this.buf.indexOf('\r\n\r\n');
            if (sep < 0) return;
            const header = this.buf.slice(0, sep).toString('ascii');
            const m = /^Content-Length: (\d+)$/i.exec(header);
            if (!m) { this.badFrames++; this.buf = this.buf.slice(sep + 4); continue; }
            const len = Number(m[1]);
            if (this.buf.length < sep + 4 + len) {
                this.pendingNeed = sep + 4 + len;
                this.pendingLen = this.buf.length;
                return;
            }
            const body = this.buf.slice(sep + 4, sep + 4 + len).toString('utf8');
            this.buf = this.buf.slice(sep + 4 + len);
            let msg;
            try { msg = JSON.parse(body); } catch (e) { this.badFrames++; continue; }
            msg._t = process.hrtime.bigint();
            this.messages.push(msg);
            this._wake();
        }
    }

    _wake() {
        const ws = this.waiters;
        this.waiters = [];
        for (const w of ws) w();
    }

    // Sends raw bytes (Buffer or string).
    raw(bytes) {
        if (this.proc.stdin.writable) this.proc.stdin.write(bytes);
    }
    send(msg) { this.raw(frame(msg)); }
    notify(method, params) { this.send({ jsonrpc: '2.0', method, params }); }
    // Sends a request; returns its id.
    request(method, params, id) {
        if (id === undefined) id = this.nextId++;
        const msg = { jsonrpc: '2.0', id, method };
        if (params !== undefined) msg.params = params;
        this.send(msg);
        return id;
    }

    // Resolves with the first message (from index `from`) matching pred, or
    // rejects after timeout ms.
    waitFor(pred, timeout = 5000, from = 0) {
        return new Promise((resolve, reject) => {
            let i = from;
            const timer = setTimeout(() => { cleanup(); reject(new Error('timeout')); }, timeout);
            const check = () => {
                for (; i < this.messages.length; i++) {
                    if (pred(this.messages[i])) { cleanup(); resolve(this.messages[i]); return; }
                }
                if (this.exitCode !== null) { cleanup(); reject(new Error('server exited ' + this.exitCode)); return; }
                this.waiters.push(check);
            };
            const cleanup = () => { clearTimeout(timer); };
            check();
        });
    }
    response(id, timeout) { return this.waitFor((m) => m.id === id && !m.method, timeout); }
    async call(method, params, timeout) {
        const id = this.request(method, params);
        return this.response(id, timeout);
    }
    diagnostics(uri, version, timeout) {
        return this.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri &&
            (version === undefined || m.params.version === version), timeout);
    }

    async initialize(capabilities = {}, initializationOptions) {
        const params = { processId: null, rootUri: null, capabilities };
        if (initializationOptions) params.initializationOptions = initializationOptions;
        const r = await this.call('initialize', params);
        this.notify('initialized', {});
        return r;
    }
    async shutdown() {
        const r = await this.call('shutdown');
        this.notify('exit');
        return { response: r, code: await this.exited };
    }
    kill() { try { this.proc.kill('SIGKILL'); } catch (e) { /* gone */ } }
}

module.exports = { Client, frame, REPO };
