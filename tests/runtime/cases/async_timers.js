// Promises around timers: sleep, sequential and parallel awaits.
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
async function main() {
    console.log('start');
    const a = await sleep(5, 'a');
    console.log('got', a);
    const all = await Promise.all([sleep(10, 1), sleep(1, 2), sleep(5, 3)]);
    console.log('all', all.join(','));
    const first = await Promise.race([sleep(20, 'slow'), sleep(1, 'fast')]);
    console.log('race', first);
}
main().then(() => console.log('main done'));
