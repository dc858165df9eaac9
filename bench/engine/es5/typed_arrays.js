// Typed arrays: a 1-D convolution over Float64Array and a histogram in an
// Int32Array. Peers without typed arrays print SKIP.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
if (typeof Float64Array === 'undefined' || typeof Int32Array === 'undefined') {
    out('SKIP typed arrays not supported');
} else {
    var n = 20000, src = new Float64Array(n), dst = new Float64Array(n), hist = new Int32Array(256);
    var seed = 42;
    for (var i = 0; i < n; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; src[i] = (seed % 1000) / 10; }
    var kernel = new Float64Array([0.0625, 0.25, 0.375, 0.25, 0.0625]);
    var sum = 0;
    for (var pass = 0; pass < 40; pass++) {
        for (i = 2; i < n - 2; i++) {
            var acc = 0;
            for (var k = 0; k < 5; k++) acc += src[i + k - 2] * kernel[k];
            dst[i] = acc;
        }
        for (i = 0; i < n; i++) { hist[(dst[i] | 0) & 255]++; src[i] = dst[i] * 0.5 + src[i] * 0.5; }
    }
    for (i = 0; i < 256; i++) sum = (sum * 31 + hist[i]) % 1000000007;
    out('typed_arrays ' + sum + ' ' + src[n >> 1].toFixed(6));
}
