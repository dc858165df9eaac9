// OO dispatch: polymorphic method calls through prototype chains (three
// shape kinds, a shared base method, an overridden one).
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;

function Shape(id) { this.id = id; }
Shape.prototype.scaled = function (k) { return this.area() * k; };
Shape.prototype.describe = function () { return this.kind() + this.id; };

function Rect(id, w, h) { Shape.call(this, id); this.w = w; this.h = h; }
Rect.prototype = Object.create(Shape.prototype);
Rect.prototype.constructor = Rect;
Rect.prototype.area = function () { return this.w * this.h; };
Rect.prototype.kind = function () { return 'r'; };

function Square(id, s) { Rect.call(this, id, s, s); }
Square.prototype = Object.create(Rect.prototype);
Square.prototype.constructor = Square;
Square.prototype.kind = function () { return 's'; };

function Tri(id, b, h) { Shape.call(this, id); this.b = b; this.h = h; }
Tri.prototype = Object.create(Shape.prototype);
Tri.prototype.constructor = Tri;
Tri.prototype.area = function () { return (this.b * this.h) >> 1; };
Tri.prototype.kind = function () { return 't'; };

var shapes = [];
for (var i = 0; i < 300; i++) {
    var k = i % 3;
    shapes.push(k === 0 ? new Rect(i, i % 7 + 1, i % 5 + 2) : k === 1 ? new Square(i, i % 9 + 1) : new Tri(i, i % 11 + 2, i % 4 + 2));
}
var sum = 0, names = 0;
for (var round = 0; round < 4800; round++) {
    for (var j = 0; j < shapes.length; j++) {
        var s = shapes[j];
        sum = (sum + s.scaled(round & 3) + s.area()) % 1000000007;
        if ((j & 63) === 0) names += s.describe().length;
    }
}
out('oo_dispatch ' + sum + ' ' + names);
