// node:path on POSIX.
const path = require('node:path');
const show = (x) => console.log(JSON.stringify(x));
show([path.join('a', 'b', '../c'), path.join('/a/', '/b'), path.join(''), path.join('a', '')]);
show([path.resolve('/x/y', '../z'), path.resolve('/a', '/b', 'c')]);
show([path.normalize('a//b/../c/'), path.normalize('../../a'), path.normalize('/..'), path.normalize('')]);
show([path.dirname('/a/b/'), path.dirname('a'), path.dirname('/'), path.dirname('//a')]);
show([path.basename('/a/b.js', '.js'), path.basename('/'), path.basename('a/b/'), path.basename('.js', '.js')]);
show([path.extname('x.tar.gz'), path.extname('.bashrc'), path.extname('a.'), path.extname('a')]);
show([path.relative('/a/b/c', '/a/d'), path.relative('/a', '/a'), path.relative('/a', '/a/b/c')]);
show([path.parse('/home/u/f.txt'), path.parse('f'), path.format({ dir: '/x', name: 'f', ext: '.js' })]);
show([path.isAbsolute('/a'), path.isAbsolute('a'), path.sep, path.delimiter, path.posix === path]);
