// process fields a script can rely on.
console.log(Array.isArray(process.argv), process.argv.length >= 2);
console.log(process.argv[1].endsWith('process_basics.js'));
console.log(process.platform, typeof process.pid, typeof process.env.PATH);
console.log(typeof process.cwd(), process.cwd().startsWith('/'));
const t = process.hrtime();
console.log(Array.isArray(t), t.length, typeof t[0], typeof t[1]);
const d = process.hrtime(t);
console.log(d[0] >= 0, d[1] >= 0);
console.log(typeof process.memoryUsage().heapUsed);
console.log(typeof process.version, process.version.startsWith('v'));
process.stdout.write('written ');
process.stdout.write('without newline\n');
