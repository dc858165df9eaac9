// 1e6 promise hops: a chain of awaits.
async function main() {
    let x = 0;
    for (let i = 0; i < 1e6; i++) x = await Promise.resolve(x + 1);
    console.log('promise_hops', x);
}
main();
