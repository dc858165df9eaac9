// Layout rules: three inner levels on one line when short, depth limit,
// long arrays grouped in columns, strings quoted inside containers.
const tree = { v: 1, kids: [{ v: 2, kids: [{ v: 3, kids: [{ v: 4, kids: [] }] }] }] };
console.log(tree);
console.log({ matrix: [[1, 2, 3], [4, 5, 6], [7, 8, 9]] });
console.log(Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat(i % 5 + 1)));
console.log([1.5, -2, 1000000, 0.001, -0, NaN, Infinity]);
console.log({ fn() {}, arrow: () => 1, nested: { deep: { deeper: { deepest: 'x' } } } });
console.log([['a', 1], ['b', 2]], { 'key with spaces': true, valid_id: 1, $dollar: 2 });
