// Generates tests/fixtures/engine/numconv_node.txt, the node reference
// outputs checked by tests/engine/test_numconv.c. Run once with node
// (`node tests/engine/gen_numconv_fixture.js > tests/fixtures/engine/numconv_node.txt`);
// deterministic (own PRNG). Line format, tab separated:
//   op  double-bits-hex  int-arg  expected
// ops: S toString, R toString(radix), F toFixed, E toExponential (-1:
// undefined), P toPrecision; N Number(string) / I parseInt(string, radix) /
// G parseFloat(string) carry the input string (JSON-escaped) in place of
// the bits and the result's bits as expected.
'use strict';
let seed = 0x2545F491n;
function rnd32() {
    seed = (seed * 6364136223846793005n + 1442695040888963407n) & 0xFFFFFFFFFFFFFFFFn;
    return Number(seed >> 32n);
}
const buf = new DataView(new ArrayBuffer(8));
function bitsOf(d) { buf.setFloat64(0, d); return buf.getBigUint64(0).toString(16).padStart(16, '0'); }
function fromBits(hi, lo) { buf.setUint32(0, hi); buf.setUint32(4, lo); return buf.getFloat64(0); }
function randDouble() {
    switch (rnd32() % 6) {
    case 0: return fromBits(rnd32(), rnd32());                // any bits
    case 1: return (rnd32() % 2000000 - 1000000) / 1000;      // short decimals
    case 2: return (rnd32() / 4294967296) * Math.pow(10, rnd32() % 40 - 20);
    case 3: return rnd32() * (rnd32() % 2 ? 1 : -1);          // integers
    case 4: return (rnd32() % 100000) / Math.pow(10, rnd32() % 8); // x.yz
    default: return Math.pow(2, rnd32() % 200 - 100) * (1 + (rnd32() % 16) / 16);
    }
}
const out = [];
const specials = [0, -0, NaN, Infinity, -Infinity, 0.1, 0.5, 1.005, 1.45, 2.5, -0.5, 1e21, 1e-7,
    123.456, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 0.000001, 1e-6, 123e-20,
    -1.5e-7, 9007199254740993, 4.35, 0.3, 1 / 3, 2 / 3, 1e100, 12345678901234567890];
const doubles = specials.slice();
for (let i = 0; i < 1500; i++) doubles.push(randDouble());
for (const d of doubles) {
    if (!Number.isFinite(d) && Number.isNaN(d) === false && d !== Infinity && d !== -Infinity) continue;
    const b = bitsOf(d);
    out.push(['S', b, 0, String(d)]);
    const r = 2 + rnd32() % 35;
    out.push(['R', b, r, d.toString(r)]);
    const f = rnd32() % 21;
    out.push(['F', b, f, d.toFixed(f)]);
    const e = (rnd32() % 22) - 1;
    out.push(['E', b, e, e < 0 ? d.toExponential() : d.toExponential(e)]);
    const p = 1 + rnd32() % 21;
    out.push(['P', b, p, d.toPrecision(p)]);
}
for (const d of specials) for (const r of [2, 3, 7, 16, 36]) out.push(['R', bitsOf(d), r, d.toString(r)]);
for (const d of [0.5, 1.5, 2.5, 1.005, 1.45, 8.345, 0.000001, 1e20, 999.995])
    for (const f of [0, 1, 2, 3, 20, 50, 100]) out.push(['F', bitsOf(d), f, d.toFixed(f)]);
const strs = ['', ' ', '  12  ', '\u00a0\ufeff42\u2028', '0x1F', '0X1f', '0o17', '0b101', '-0x10', '+12',
    '-0', '1e', '1e+', '.5', '5.', '.', 'Infinity', '-Infinity', '+Infinity', 'infinity', '1_000',
    '12abc', '0x', '1e400', '1e-400', '2.2250738585072011e-308', '4.9406564584124654e-324',
    '2.4703282292062327e-324', '2.4703282292062328e-324', '0.1e1', '00012', '1.7976931348623158e308',
    '1.7976931348623157e308', '0x1fffffffffffff1', '0x20000000000001', '0x20000000000003',
    '9007199254740993', '9007199254740993.0000000000000000000000000000001',
    '0.' + '0'.repeat(300) + '1', '1' + '0'.repeat(400), '123456789012345678901234567890e-10',
    '\t\n\v\f\r 3.5 \u3000', '1.5e', '-.5e-3', '0.0000001', 'NaN', '1 2'];
for (const s of strs) {
    out.push(['N', JSON.stringify(s), 0, bitsOf(Number(s))]);
    out.push(['G', JSON.stringify(s), 0, bitsOf(parseFloat(s))]);
    for (const r of [0, 2, 8, 10, 16, 36, 7, 37, 1]) out.push(['I', JSON.stringify(s), r, bitsOf(parseInt(s, r))]);
}
for (let i = 0; i < 500; i++) {
    const d = randDouble();
    const s = (rnd32() % 2 ? String(d) : d.toFixed(rnd32() % 25)) + (rnd32() % 4 ? '' : String(rnd32()));
    out.push(['N', JSON.stringify(s), 0, bitsOf(Number(s))]);
    const r = [0, 10, 16, 36, 3, 7][rnd32() % 6];
    const t = (rnd32() >>> 0).toString(r || 10) + (rnd32() >>> 0).toString(r || 10) + (rnd32() >>> 0).toString(r || 10);
    out.push(['I', JSON.stringify(t), r, bitsOf(parseInt(t, r))]);
}
process.stdout.write(out.map((l) => l.join('\t')).join('\n') + '\n');
