// Date local time, checked through identities that hold in every time zone
// (run_js.sh cannot fix TZ; the Criterion tests cover New York DST and UTC).
const d = new Date(2021, 6, 4, 15, 30, 45, 123);
console.log(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds(), d.getDay());
const off = d.getTimezoneOffset();
console.log(d.getTime() - Date.UTC(2021, 6, 4, 15, 30, 45, 123) === off * 60000);
// toString / toDateString / toTimeString shapes.
console.log(/^Sun Jul 04 2021 15:30:45 GMT[+-]\d{4}( \(.+\))?$/.test(d.toString()), d.toDateString());
console.log(/^15:30:45 GMT[+-]\d{4}/.test(d.toTimeString()), d.toLocaleString() === d.toString() || d.toLocaleString().length > 0);
// Parsing what toString produces gives the same instant (to the second).
for (const t of [0, 1e12, -1e12, 1.7e12, 8.64e15 - 1000]) {
  const x = new Date(t);
  console.log(Date.parse(x.toString()) === t, Date.parse(x.toDateString()) === new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime());
}
// Date-time ISO strings without an offset are local; date-only ones are UTC.
console.log(new Date('2021-07-04T15:30:45.123').getTime() === d.getTime(), new Date('2021-07-04').getTime() === Date.UTC(2021, 6, 4));
// Local setters.
const s = new Date(2020, 0, 31, 12);
s.setMonth(1);
console.log(s.getMonth(), s.getDate());
s.setDate(0);
console.log(s.getMonth(), s.getDate(), s.getHours());
s.setHours(48, 0, 0, 0);
console.log(s.getDate(), s.getHours());
s.setFullYear(2021, 11, 31);
console.log(s.getFullYear(), s.getMonth(), s.getDate());
s.setMinutes(60 * 24);
console.log(s.getFullYear(), s.getMonth(), s.getDate());
const n = new Date(NaN);
console.log(n.setHours(1), n.setFullYear(2000) === new Date(2000, 0, 1).getTime(), n.getFullYear(), n.getMonth(), n.getDate(), n.getHours());
// Two-digit years in the constructor map to 19xx; setFullYear keeps them.
console.log(new Date(99, 0).getFullYear(), new Date(100, 0).getFullYear(), new Date(2000, 0, 1, 0, 0, 0, 0).getFullYear());
// Annex B.
const b = new Date(2000, 0, 1);
console.log(b.getYear(), b.setYear(99) === new Date(1999, 0, 1).getTime(), b.getFullYear(), b.setYear(2005) && b.getYear(), isNaN(b.setYear(NaN)));
console.log(new Date(NaN).getYear(), typeof Date.prototype.toGMTString);
console.log(new Date(2016, 1, 29, 24).getDate(), new Date(2016, 12).getFullYear(), new Date(1e81, 0).getTime());
// Expected output (node 20):
// expect: 2021 6 4 15 30 45 123 0
// expect: true
// expect: true Sun Jul 04 2021
// expect: true true
// expect: true true
// expect: true true
// expect: true true
// expect: true true
// expect: true true
// expect: true true
// expect: 2 2
// expect: 1 29 12
// expect: 2 0
// expect: 2021 11 31
// expect: 2022 0 1
// expect: NaN true 2000 0 1 0
// expect: 1999 100 2000
// expect: 100 true 1999 105 true
// expect: NaN function
// expect: 1 2017 NaN
