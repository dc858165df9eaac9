// Direct eval inside a module (compiler_scope.c / eval_direct.c): module
// bindings, live imports, strict eval vars, `this` undefined.
import('./eval_fixtures/scoped.mjs').then((m) => {
    console.log('sum', m.sum);
    console.log('live', m.live);
    console.log('strict var', m.strictVar);
    console.log('assigned', m.assigned);
    console.log('this', m.thisValue);
    console.log('later', m.readLater());
    console.log('import const', m.importConst);
}, (e) => console.log('error', e));
// expect: sum 15
// expect: live 11
// expect: strict var undefined
// expect: assigned 7
// expect: this undefined
// expect: later 18
// expect: import const TypeError
