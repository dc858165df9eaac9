// Float math on object fields: an n-body simulation (5 bodies, symplectic
// Euler steps), energy printed before and after.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var PI = 3.141592653589793, SOLAR_MASS = 4 * PI * PI, DAYS = 365.24;

function Body(x, y, z, vx, vy, vz, m) {
    this.x = x; this.y = y; this.z = z;
    this.vx = vx * DAYS; this.vy = vy * DAYS; this.vz = vz * DAYS; this.mass = m * SOLAR_MASS;
}
var bodies = [
    new Body(0, 0, 0, 0, 0, 0, 1),
    new Body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04),
    new Body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04),
    new Body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05),
    new Body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05)
];
(function offset() {
    var px = 0, py = 0, pz = 0;
    for (var i = 0; i < bodies.length; i++) { var b = bodies[i]; px += b.vx * b.mass; py += b.vy * b.mass; pz += b.vz * b.mass; }
    bodies[0].vx = -px / SOLAR_MASS; bodies[0].vy = -py / SOLAR_MASS; bodies[0].vz = -pz / SOLAR_MASS;
})();
function advance(dt) {
    var n = bodies.length;
    for (var i = 0; i < n; i++) {
        var a = bodies[i];
        for (var j = i + 1; j < n; j++) {
            var b = bodies[j];
            var dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
            var d2 = dx * dx + dy * dy + dz * dz;
            var mag = dt / (d2 * Math.sqrt(d2));
            a.vx -= dx * b.mass * mag; a.vy -= dy * b.mass * mag; a.vz -= dz * b.mass * mag;
            b.vx += dx * a.mass * mag; b.vy += dy * a.mass * mag; b.vz += dz * a.mass * mag;
        }
    }
    for (i = 0; i < n; i++) { var c = bodies[i]; c.x += dt * c.vx; c.y += dt * c.vy; c.z += dt * c.vz; }
}
function energy() {
    var e = 0;
    for (var i = 0; i < bodies.length; i++) {
        var a = bodies[i];
        e += 0.5 * a.mass * (a.vx * a.vx + a.vy * a.vy + a.vz * a.vz);
        for (var j = i + 1; j < bodies.length; j++) {
            var b = bodies[j], dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
            e -= a.mass * b.mass / Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}
var e0 = energy();
for (var s = 0; s < 160000; s++) advance(0.01);
out('nbody ' + e0.toFixed(9) + ' ' + energy().toFixed(9));
