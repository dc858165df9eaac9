// Date helpers (date_int.h) and the Date builtin in fixed time zones:
// the spec's day/year arithmetic against an independent civil-calendar
// computation over a million days, MakeDay/MakeTime/TimeClip edge cases,
// parsing, and local time with TZ=UTC and TZ=America/New_York (both DST
// transitions: the skipped and the repeated hour).
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date_int.h"
#include "runtime_int.h"

static void set_tz(const char *tz) {
    setenv("TZ", tz, 1);
    tzset();
}

// Days since 1970-01-01 -> (y, m 1..12, d) by the era method (400-year
// cycles of 146097 days), independent of the spec's formulas.
static void civil_from_days(long long z, long long *y, int *m, int *d) {
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

Test(date, calendar_matches_an_independent_computation) {
    for (long long day = -1000000; day <= 1000000; day += 7) {
        double t = (double)day * EN_MS_PER_DAY + 12345;
        long long y;
        int m, d;
        civil_from_days(day, &y, &m, &d);
        cr_assert_eq(en_date_year_from_time(t), (double)y, "day %lld", day);
        cr_assert_eq(en_date_month_from_time(t), m - 1, "day %lld", day);
        cr_assert_eq(en_date_date_from_time(t), d, "day %lld", day);
        cr_assert_eq(en_date_make_day((double)y, m - 1, d), (double)day, "day %lld", day);
        cr_assert_eq(en_date_week_day(t), (int)(((day + 4) % 7 + 7) % 7));
    }
}

Test(date, boundaries_of_years_and_days) {
    cr_assert_eq(en_date_year_from_time(-1), 1969);
    cr_assert_eq(en_date_year_from_time(0), 1970);
    cr_assert_eq(en_date_hour(-1), 23);
    cr_assert_eq(en_date_ms(-1), 999);
    cr_assert_eq(en_date_time_within_day(-1), EN_MS_PER_DAY - 1);
    cr_assert_eq(en_date_year_from_time(EN_DATE_MAX_TIME), 275760);
    cr_assert_eq(en_date_year_from_time(-EN_DATE_MAX_TIME), -271821);
    cr_assert(en_date_in_leap_year(en_date_make_date(en_date_make_day(2000, 0, 1), 0)));
    cr_assert(!en_date_in_leap_year(en_date_make_date(en_date_make_day(1900, 0, 1), 0)));
}

Test(date, make_day_make_time_time_clip) {
    cr_assert_eq(en_date_make_day(1970, 0, 1), 0);
    cr_assert_eq(en_date_make_day(2024, 1, 30), en_date_make_day(2024, 2, 1));
    cr_assert_eq(en_date_make_day(2024, -1, 1), en_date_make_day(2023, 11, 1));
    cr_assert_eq(en_date_make_day(2024, 24, 1), en_date_make_day(2026, 0, 1));
    cr_assert_eq(en_date_make_day(2024.9, 0.9, 1.9), en_date_make_day(2024, 0, 1));
    cr_assert(isnan(en_date_make_day(INFINITY, 0, 1)));
    cr_assert(isnan(en_date_make_day(1e300, 0, 1)));
    cr_assert(isnan(en_date_make_time(NAN, 0, 0, 0)));
    cr_assert_eq(en_date_make_time(1, 1, 1, 1.5), 3661001);
    cr_assert_eq(en_date_make_time(-1, 0, 0, 0), -3600000);
    cr_assert(isnan(en_date_make_date(1e301, 0)));
    cr_assert_eq(en_date_time_clip(8.64e15), 8.64e15);
    cr_assert(isnan(en_date_time_clip(8.64e15 + 1)));
    cr_assert(!signbit(en_date_time_clip(-0.0)));
    cr_assert_eq(en_date_time_clip(-1.5), -1);
    cr_assert_eq(en_date_make_full_year(99), 1999);
    cr_assert_eq(en_date_make_full_year(-1), -1);
    cr_assert_eq(en_date_make_full_year(100), 100);
}

static double parse(const char *s) { return en_date_parse(s, strlen(s)); }

Test(date, parse_iso_forms_and_legacy_forms_in_utc) {
    set_tz("UTC");
    cr_assert_eq(parse("1970"), 0);
    cr_assert_eq(parse("1970-01-01T00:00:00.001Z"), 1);
    cr_assert_eq(parse("1970-01-01T01:00+01:00"), 0);
    cr_assert_eq(parse("-271821-04-20T00:00:00.000Z"), -8.64e15);
    cr_assert(isnan(parse("-271821-04-19T23:59:59.999Z")));
    cr_assert(isnan(parse("1970-01-01T00:60Z")));
    cr_assert(isnan(parse("19700101")));
    cr_assert_eq(parse("Thu Jan 01 1970 00:00:00 GMT+0000 (UTC)"), 0);
    cr_assert_eq(parse("Thu, 01 Jan 1970 00:00:00 GMT"), 0);
    cr_assert_eq(parse("Jan 2 1970"), EN_MS_PER_DAY);
    cr_assert_eq(parse("1/2/1970"), EN_MS_PER_DAY);
    cr_assert_eq(parse("January 2, 1970 12:00 PM"), EN_MS_PER_DAY * 1.5);
    cr_assert_eq(parse("Fri Dec 31 -0001 00:00:00 GMT+0000"), en_date_make_date(en_date_make_day(-1, 11, 31), 0));
    cr_assert(isnan(parse("Foo 1 1970")));
}

Test(date, utc_zone) {
    set_tz("UTC");
    double t = en_date_make_date(en_date_make_day(2024, 6, 1), 0);
    cr_assert_eq(en_date_offset(t), 0);
    cr_assert_eq(en_date_utc(t), t);
    char buf[EN_DATE_BUF];
    en_date_format(t, EN_DATE_FMT_FULL, buf);
    cr_assert_str_eq(buf, "Mon Jul 01 2024 00:00:00 GMT+0000 (UTC)");
    en_date_format(t, EN_DATE_FMT_UTC, buf);
    cr_assert_str_eq(buf, "Mon, 01 Jul 2024 00:00:00 GMT");
    en_date_format(-62198755200000.0, EN_DATE_FMT_ISO, buf);
    cr_assert_str_eq(buf, "-000001-01-01T00:00:00.000Z");
}

static double local(double y, double mo, double d, double h, double mi) {
    return en_date_make_date(en_date_make_day(y, mo, d), en_date_make_time(h, mi, 0, 0));
}

Test(date, new_york_offsets_and_dst_transitions) {
    set_tz("America/New_York");
    double winter = local(2024, 0, 15, 12, 0), summer = local(2024, 6, 15, 12, 0);
    cr_assert_eq(en_date_offset(winter), -5 * 3600000.0);
    cr_assert_eq(en_date_offset(summer), -4 * 3600000.0);
    cr_assert_eq(en_date_utc(winter), winter + 5 * 3600000.0);
    cr_assert_eq(en_date_utc(summer), summer + 4 * 3600000.0);
    // 2024-03-10 02:30 does not exist: read with the offset before the
    // transition (EST), i.e. 07:30Z, which is 03:30 EDT.
    double gap = en_date_utc(local(2024, 2, 10, 2, 30));
    cr_assert_eq(gap, local(2024, 2, 10, 7, 30));
    cr_assert_eq(en_date_hour(en_date_local_time(gap)), 3);
    // 2024-11-03 01:30 happens twice: the earlier instant (EDT, 05:30Z).
    cr_assert_eq(en_date_utc(local(2024, 10, 3, 1, 30)), local(2024, 10, 3, 5, 30));
    cr_assert_eq(en_date_utc(local(2024, 10, 3, 2, 30)), local(2024, 10, 3, 7, 30));
    char buf[EN_DATE_BUF];
    en_date_format(summer + 4 * 3600000.0, EN_DATE_FMT_FULL, buf);
    cr_assert_str_eq(buf, "Mon Jul 15 2024 12:00:00 GMT-0400 (EDT)");
    en_date_format(winter + 5 * 3600000.0, EN_DATE_FMT_TIME, buf);
    cr_assert_str_eq(buf, "12:00:00 GMT-0500 (EST)");
    // Local date-time ISO strings use the zone; date-only ones do not.
    cr_assert_eq(parse("2024-07-15T12:00"), summer + 4 * 3600000.0);
    cr_assert_eq(parse("2024-07-15"), local(2024, 6, 15, 0, 0));
    cr_assert_eq(parse("Mon Jul 15 2024 12:00:00 GMT-0400 (EDT)"), summer + 4 * 3600000.0);
    cr_assert_eq(parse("Jul 15 2024 12:00"), summer + 4 * 3600000.0);
    set_tz("UTC");
}

// The Date builtin itself under a zone with DST.
static void expect_js(EnContext *cx, const char *src, const char *want) {
    EnEvalOptions opts;
    en_eval_options_default(&opts);
    EnValue v;
    cr_assert_eq(en_eval(cx, src, strlen(src), &opts, &v), EN_STATUS_OK, "%s threw", src);
    cr_assert(en_is_string(v), "%s: not a string", src);
    cr_expect(en_str_equal_cstr(cx, en_as_string(v), want), "%s: unexpected value", src);
}

static void date_builtin_in_new_york(bool stress) {
    set_tz("America/New_York");
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    EnRuntime *rt = en_runtime_new(&lim);
    EnContext *cx = en_context_new(rt);
    expect_js(cx, "String(new Date(2024, 2, 10, 2, 30))", "Sun Mar 10 2024 03:30:00 GMT-0400 (EDT)");
    expect_js(cx, "new Date(2024, 10, 3, 1, 30).toISOString()", "2024-11-03T05:30:00.000Z");
    expect_js(cx, "var d = new Date(2024, 10, 3, 0, 30); d.setHours(25); d.toISOString() + ' ' + d.getHours()",
              "2024-11-04T06:30:00.000Z 1");
    expect_js(cx, "String([new Date(2024, 0, 1).getTimezoneOffset(), new Date(2024, 6, 1).getTimezoneOffset()])",
              "300,240");
    expect_js(cx, "new Date(2024, 6, 4).toDateString() + ' / ' + new Date(0).toTimeString()",
              "Thu Jul 04 2024 / 19:00:00 GMT-0500 (EST)");
    expect_js(cx, "var x = new Date(2024, 2, 9, 12); x.setDate(10); String(x.getHours()) + x.toISOString()",
              "122024-03-10T16:00:00.000Z");
    expect_js(cx, "String(Date.parse(new Date(1e12).toString()) === 1e12)", "true");
    en_context_free(cx);
    en_runtime_free(rt);
    set_tz("UTC");
}

Test(date, builtin_in_new_york) { date_builtin_in_new_york(false); }
Test(date, builtin_in_new_york_gc_stress) { date_builtin_in_new_york(true); }
