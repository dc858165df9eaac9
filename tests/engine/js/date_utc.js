// Date: time-value arithmetic, UTC getters/setters, ISO and UTC string
// formats, Date.parse of every ISO form. Independent of the local zone.
const d = new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
console.log(d.toISOString(), d.getUTCDay(), d.toUTCString(), d.valueOf());
console.log(Date.UTC(2024), Date.UTC(99, 0), Date.UTC(100, 0), Date.UTC(1970, 0, 1, 0, 0, 0, 0.9), Date.UTC());
// MakeDay: month overflow and negative months, day 0 and negative days.
console.log(new Date(Date.UTC(2023, 13, 1)).toISOString(), new Date(Date.UTC(2023, -1, 1)).toISOString());
console.log(new Date(Date.UTC(2024, 2, 0)).toISOString(), new Date(Date.UTC(2024, 0, -365)).toISOString());
// Limits of the time-value range.
console.log(new Date(8.64e15).toISOString(), new Date(-8.64e15).toISOString(), new Date(8.64e15 + 1).getTime());
console.log(new Date(-1).toISOString(), new Date(-62198755200000).toISOString(), new Date(253402300800000).toISOString());
console.log(new Date(-62198755200001).toUTCString(), new Date(Date.UTC(-1, 0, 1)).getUTCFullYear());
// Setters return the new time value and handle NaN.
const s = new Date(0);
console.log(s.setUTCFullYear(2000, 5, 15), s.setUTCMonth(13), s.toISOString());
console.log(s.setUTCHours(25, 61, 61, 1001), s.toISOString(), s.setUTCMilliseconds(-1), s.toISOString());
console.log(s.setUTCDate(0), s.setUTCSeconds(NaN), s.getUTCDate(), s.setUTCMinutes(1), s.setUTCFullYear(1999), s.toISOString());
console.log(s.setTime(1e20), s.setTime('1000'), s.setTime(), s.getTime());
// Parse: date-only forms are UTC, expanded years, fractions, offsets.
for (const str of ['2024', '2024-03', '2024-03-05', '+002024-03-05', '-000001-01-01T00:00:00Z', '-000000-01-01T00:00:00Z',
  '2024-03-05T10:20Z', '2024-03-05T10:20:30.5Z', '2024-03-05T10:20:30.123456+05:30', '2024-03-05T24:00:00Z',
  '2024-03-05T24:00:01Z', '2024-13-01', '2024-03-05T10:20:30-08:00', '+275760-09-13T00:00:00.000Z',
  '+275760-09-13T00:00:00.001Z', 'not a date', '', 'Tue, 05 Mar 2024 10:20:30 GMT', 'Thu, 01 Jan 1970 00:00:00 GMT+0100']) {
  console.log(JSON.stringify(str), Date.parse(str));
}
// Round trips through toISOString and toUTCString.
for (const t of [0, 1e12, -1e12, 8.64e15, 951782400000]) {
  const x = new Date(t);
  console.log(Date.parse(x.toISOString()) === t, Date.parse(x.toUTCString()) === t - (t % 1000 + 1000) % 1000);
}
console.log(new Date(NaN).getUTCFullYear(), String(new Date(NaN)), new Date(NaN).toUTCString(), JSON.stringify({ d: new Date(NaN) }));
try { new Date(NaN).toISOString(); } catch (e) { console.log(e.constructor.name); }
console.log(JSON.stringify(new Date(0)), new Date(0).toJSON(), Date.prototype.toJSON.call({ toISOString() { return 'custom'; } }));
console.log(new Date(new Date(5)).getTime(), new Date('1970-01-01T00:00:00.007Z').getTime(), new Date(true).getTime(), typeof Date(), typeof Date.now());
console.log(Date.prototype.toGMTString === Date.prototype.toUTCString, Date.length, Date.UTC.length, Date.prototype.setHours.length);
const tp = Date.prototype[Symbol.toPrimitive];
console.log(tp.call(new Date(0), 'number'), typeof tp.call(new Date(0), 'default'), typeof (new Date(0) + 1), new Date(5) - 0);
try { tp.call(new Date(0), 'bogus'); } catch (e) { console.log(e.constructor.name); }
try { Date.prototype.getTime.call({}); } catch (e) { console.log(e.constructor.name); }
// Expected output (node 20):
// expect: 2024-02-29T23:59:59.999Z 4 Thu, 29 Feb 2024 23:59:59 GMT 1709251199999
// expect: 1704067200000 915148800000 -59011459200000 0 NaN
// expect: 2024-02-01T00:00:00.000Z 2022-12-01T00:00:00.000Z
// expect: 2024-02-29T00:00:00.000Z 2022-12-31T00:00:00.000Z
// expect: +275760-09-13T00:00:00.000Z -271821-04-20T00:00:00.000Z NaN
// expect: 1969-12-31T23:59:59.999Z -000001-01-01T00:00:00.000Z +010000-01-01T00:00:00.000Z
// expect: Thu, 31 Dec -0002 23:59:59 GMT -1
// expect: 961027200000 982195200000 2001-02-15T00:00:00.000Z
// expect: 982288922001 2001-02-16T02:02:02.001Z 982288921999 2001-02-16T02:02:01.999Z
// expect: 980906521999 NaN NaN NaN 915148800000 1999-01-01T00:00:00.000Z
// expect: NaN 1000 NaN NaN
// expect: "2024" 1704067200000
// expect: "2024-03" 1709251200000
// expect: "2024-03-05" 1709596800000
// expect: "+002024-03-05" 1709596800000
// expect: "-000001-01-01T00:00:00Z" -62198755200000
// expect: "-000000-01-01T00:00:00Z" NaN
// expect: "2024-03-05T10:20Z" 1709634000000
// expect: "2024-03-05T10:20:30.5Z" 1709634030500
// expect: "2024-03-05T10:20:30.123456+05:30" 1709614230123
// expect: "2024-03-05T24:00:00Z" 1709683200000
// expect: "2024-03-05T24:00:01Z" NaN
// expect: "2024-13-01" NaN
// expect: "2024-03-05T10:20:30-08:00" 1709662830000
// expect: "+275760-09-13T00:00:00.000Z" 8640000000000000
// expect: "+275760-09-13T00:00:00.001Z" NaN
// expect: "not a date" NaN
// expect: "" NaN
// expect: "Tue, 05 Mar 2024 10:20:30 GMT" 1709634030000
// expect: "Thu, 01 Jan 1970 00:00:00 GMT+0100" -3600000
// expect: true true
// expect: true true
// expect: true true
// expect: true true
// expect: true true
// expect: NaN Invalid Date Invalid Date {"d":null}
// expect: RangeError
// expect: "1970-01-01T00:00:00.000Z" 1970-01-01T00:00:00.000Z custom
// expect: 5 7 1 string number
// expect: true 7 7 4
// expect: 0 string string 5
// expect: TypeError
// expect: TypeError
