// Object-graph propagation: a spreadsheet-like network of cells (sums and
// scaled copies of other cells). Changing an input marks its dependents
// dirty; recomputation walks the graph in dependency order. A small
// constraint-propagation workload in the spirit of DeltaBlue, written
// from scratch.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;

function Cell(id, op, inputs, k) {
    this.id = id; this.op = op; this.inputs = inputs; this.k = k;
    this.value = 0; this.dirty = true; this.dependents = [];
    this.level = 0;
}
Cell.prototype.compute = function () {
    var v = 0, ins = this.inputs;
    if (this.op === 0) v = this.k;
    else if (this.op === 1) { for (var i = 0; i < ins.length; i++) v += ins[i].value; }
    else if (this.op === 2) v = (ins[0].value * this.k) % 65521;
    else v = ins[0].value > ins[1].value ? ins[0].value - ins[1].value : ins[1].value - ins[0].value;
    this.value = v % 1000003;
    this.dirty = false;
};

function Sheet(n) {
    this.cells = [];
    var seed = 12345;
    function rnd(m) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % m; }
    for (var i = 0; i < n; i++) {
        var c;
        if (i < 20) c = new Cell(i, 0, [], i + 1);
        else {
            var op = 1 + rnd(3), ins = [];
            var cnt = op === 1 ? 2 + rnd(3) : op === 2 ? 1 : 2;
            for (var j = 0; j < cnt; j++) ins.push(this.cells[i - 1 - rnd(Math.min(i, 40))]);
            c = new Cell(i, op, ins, 1 + rnd(97));
            var lvl = 0;
            for (j = 0; j < ins.length; j++) {
                ins[j].dependents.push(c);
                if (ins[j].level + 1 > lvl) lvl = ins[j].level + 1;
            }
            c.level = lvl;
        }
        this.cells.push(c);
    }
    this.byLevel = [];
    for (i = 0; i < n; i++) {
        var l = this.cells[i].level;
        while (this.byLevel.length <= l) this.byLevel.push([]);
        this.byLevel[l].push(this.cells[i]);
    }
}
Sheet.prototype.set = function (i, v) {
    var c = this.cells[i];
    c.k = v;
    var stack = [c];
    while (stack.length) {
        var x = stack.pop();
        if (x.dirty && x !== c) continue;
        x.dirty = true;
        for (var d = 0; d < x.dependents.length; d++) stack.push(x.dependents[d]);
    }
};
Sheet.prototype.recompute = function () {
    var n = 0;
    for (var l = 0; l < this.byLevel.length; l++) {
        var row = this.byLevel[l];
        for (var i = 0; i < row.length; i++) if (row[i].dirty) { row[i].compute(); n++; }
    }
    return n;
};

var sheet = new Sheet(2000);
var work = sheet.recompute(), check = 0;
for (var step = 0; step < 800; step++) {
    sheet.set(step % 20, (step * 7) % 101);
    work += sheet.recompute();
    check = (check * 31 + sheet.cells[1999].value + sheet.cells[1000].value) % 1000000007;
}
out('propagate ' + work + ' ' + check);
