// A small tour of modern JavaScript, parsed by `make demo`.
'use strict';

const GREETING = /^(hello|hi),?\s+(?<name>\p{L}+)/iu;

class Greeter {
    #count = 0;
    static defaultName = 'world';

    constructor(name = Greeter.defaultName) {
        this.name = name;
    }

    get count() {
        return this.#count;
    }

    greet({ punctuation = '!', loud } = {}) {
        this.#count++;
        const text = `Hello, ${this.name}${punctuation}`;
        return loud ? text.toUpperCase() : text;
    }

    *letters() {
        yield* this.name;
    }
}

async function main(names) {
    const greeters = names.map((n) => new Greeter(n));
    const [first, ...rest] = greeters;
    for (const g of greeters) {
        await null;
        console.log(g.greet({ loud: g === first }));
    }
    const match = GREETING.exec('hello Ochre');
    console.log(match?.groups?.name ?? 'nobody', rest.length, [...first.letters()].join('-'));
    return { total: greeters.reduce((sum, g) => sum + g.count, 0), big: 2n ** 64n };
}

main(['Ada', 'Grace', 'Linus']).then(({ total }) => console.log(`${total} greetings`));
