// JSON round trips: build records, stringify, parse back, check fields.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var records = [];
for (var i = 0; i < 400; i++) {
    records.push({ id: i, name: 'item' + i, tags: ['t' + (i % 5), 't' + (i % 7)], price: (i * 37 % 1000) / 8,
        nested: { ok: i % 2 === 0, depth: [i, i + 1, { k: 'v' + i }] }, note: i % 3 ? null : 'quote " and \\ backslash' });
}
var total = 0, len = 0;
for (var round = 0; round < 120; round++) {
    var text = JSON.stringify(records);
    len += text.length;
    var back = JSON.parse(text);
    for (var j = 0; j < back.length; j += 7) total += back[j].id + back[j].tags[1].length + back[j].nested.depth[2].k.length + (back[j].price * 8);
    records[round % records.length].name += 'x';
}
out('json ' + total + ' ' + len);
