// Unicode mode, case folding, property escapes and v-flag sets.
console.log(/\u{1F600}/u.test("\u{1F600}"), /^.$/u.test("\u{1F600}"), /^.$/.test("\u{1F600}"), /^..$/.test("\u{1F600}"));
console.log(/\ud83d/u.test("\u{1F600}"), /\ud83d/.test("\u{1F600}"), /^[\ud83d\ude00]$/u.test("\u{1F600}"));
console.log(/ǅ/i.test("ǆ"), /K/iu.test("\u212A"), /K/i.test("\u212A"), /\w/iu.test("\u017F"), /\w/i.test("\u017F"));
console.log(/[^\W]/iu.test("\u017F"), /\W/iu.test("\u017F"), /ß/i.test("SS"), /\u0130/i.test("i"));
console.log(/\p{Script=Greek}+/u.exec("abc αβγ")[0], /\P{L}/u.exec("ab1")[0], /\p{Lu}/u.test("É"), /\p{Nd}+/u.exec("x٣٤")[0]);
console.log(/\p{ASCII_Hex_Digit}+/u.exec("xyzCAFEg")[0], /\p{Any}/u.test("\u{10FFFF}"), /\p{Emoji_Presentation}/u.test("😀"));
console.log(/[\p{L}--[a-z]]/v.exec("abC")[0], /[\w&&\d]/v.exec("a1")[0], /[\q{abc|d}x]/v.exec("zabc")[0]);
console.log(/^\p{RGI_Emoji}$/v.test("👍🏽"), /^[\p{RGI_Emoji}--\q{👍🏽}]$/v.test("👍🏽"), /[[a-z]--[aeiou]]+/v.exec("aeixyz")[0]);
console.log(/[\p{Ll}&&\p{Script=Latin}]/vi.test("A"), /[^\p{Ll}]/vi.test("a"), /\P{Ll}/iu.test("a"), /[^\P{Ll}]/iu.test("A"));
console.log(/(?<𝒜>.)/u.exec("x").groups["𝒜"], /\k<a>(?<a>x)/.test("x"), /\1(a)/.test("a"));
console.log("ǅǆǄ".replace(/ǆ/gi, "_"), "ΣΣσς".match(/σ/gi).length, "ﬀ".search(/FF/i));
console.log(/[\u{1F600}-\u{1F64F}]/u.test("😃"), /^[^x]$/u.test("😃"), /^[^x]$/.test("😃"));
console.log(/\b/u.test("é"), /é\b/.test("é "), /(?:)/gu[Symbol.split]("😀😀").length);
// expect: true true false true
// expect: false true true
// expect: true true false true false
// expect: true false false false
// expect: αβγ 1 true ٣٤
// expect: CAFE true true
// expect: C 1 abc
// expect: true false xyz
// expect: true false true false
// expect: x true true
// expect: ___ 4 -1
// expect: true true false
// expect: false false 2
