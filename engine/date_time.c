// Time-value arithmetic and local time (date_int.h). The spec's operations
// are defined on mathematical values with floor/modulo; doubles are exact
// here because every intermediate stays below 2^53 for time values in
// range, and out-of-range inputs end in NaN through TimeClip.
#include "date_int.h"

#include <math.h>
#include <time.h>

#define MS_PER_HOUR 3600000.0
#define MS_PER_MINUTE 60000.0
#define MS_PER_SECOND 1000.0

static double pos_mod(double a, double b) {
    double r = fmod(a, b);
    if (r < 0) r += b;
    return r + 0.0;  // never -0
}

double en_date_day(double t) { return floor(t / EN_MS_PER_DAY); }
double en_date_time_within_day(double t) { return pos_mod(t, EN_MS_PER_DAY); }

double en_date_day_from_year(double y) {
    return 365.0 * (y - 1970) + floor((y - 1969) / 4) - floor((y - 1901) / 100) + floor((y - 1601) / 400);
}

static double days_in_year(double y) {
    if (fmod(y, 4) != 0) return 365;
    if (fmod(y, 100) != 0) return 366;
    if (fmod(y, 400) != 0) return 365;
    return 366;
}

double en_date_year_from_time(double t) {
    double day = en_date_day(t);
    double y = floor(day / 365.2425) + 1970;
    while (en_date_day_from_year(y) > day) y--;
    while (en_date_day_from_year(y + 1) <= day) y++;
    return y;
}

int en_date_in_leap_year(double t) { return days_in_year(en_date_year_from_time(t)) == 366; }

// First day (within the year, 0-based) of each month, non-leap.
static const int month_start[13] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

static int month_day_start(int m, int leap) { return month_start[m] + (m >= 2 ? leap : 0); }

static void year_day(double t, int *month, int *date) {
    double y = en_date_year_from_time(t);
    int d = (int)(en_date_day(t) - en_date_day_from_year(y));
    int leap = days_in_year(y) == 366;
    int m = 0;
    while (m < 11 && d >= month_day_start(m + 1, leap)) m++;
    *month = m;
    *date = d - month_day_start(m, leap) + 1;
}

int en_date_month_from_time(double t) {
    int m, d;
    year_day(t, &m, &d);
    return m;
}

int en_date_date_from_time(double t) {
    int m, d;
    year_day(t, &m, &d);
    return d;
}

int en_date_week_day(double t) { return (int)pos_mod(en_date_day(t) + 4, 7); }
int en_date_hour(double t) { return (int)pos_mod(floor(t / MS_PER_HOUR), 24); }
int en_date_min(double t) { return (int)pos_mod(floor(t / MS_PER_MINUTE), 60); }
int en_date_sec(double t) { return (int)pos_mod(floor(t / MS_PER_SECOND), 60); }
int en_date_ms(double t) { return (int)pos_mod(t, MS_PER_SECOND); }

// ToIntegerOrInfinity of a finite double (+0 for -0).
static double to_int(double d) { return trunc(d) + 0.0; }

double en_date_make_time(double hour, double min, double sec, double ms) {
    if (!isfinite(hour) || !isfinite(min) || !isfinite(sec) || !isfinite(ms)) return NAN;
    // The spec's "×" and "+" are IEEE double operations here (§21.4.1.27).
    return to_int(hour) * MS_PER_HOUR + to_int(min) * MS_PER_MINUTE + to_int(sec) * MS_PER_SECOND + to_int(ms);
}

double en_date_make_day(double year, double month, double date) {
    if (!isfinite(year) || !isfinite(month) || !isfinite(date)) return NAN;
    double y = to_int(year), m = to_int(month), dt = to_int(date);
    double ym = y + floor(m / 12);
    if (!isfinite(ym)) return NAN;
    int mn = (int)pos_mod(m, 12);
    // Years far outside the time-value range (±275,760) cannot produce a
    // valid date; bounding them keeps the day count exact.
    if (fabs(ym) > 400000000.0) return NAN;
    double day = en_date_day_from_year(ym) + month_day_start(mn, days_in_year(ym) == 366);
    return day + dt - 1;
}

double en_date_make_date(double day, double time) {
    if (!isfinite(day) || !isfinite(time)) return NAN;
    double tv = day * EN_MS_PER_DAY + time;
    return isfinite(tv) ? tv : NAN;
}

double en_date_time_clip(double t) {
    if (!isfinite(t) || fabs(t) > EN_DATE_MAX_TIME) return NAN;
    return to_int(t);
}

double en_date_make_full_year(double y) {
    if (y != y) return NAN;
    double yi = to_int(y);
    return yi >= 0 && yi <= 99 ? 1900 + yi : y;
}

// --- local time -------------------------------------------------------------

double en_date_offset(double t) {
    if (!isfinite(t)) return 0;
    // tzset re-reads TZ when it changed (tests switch zones with setenv).
    tzset();
    time_t secs = (time_t)floor(t / 1000.0);
    struct tm tm;
    if (!localtime_r(&secs, &tm)) return 0;
    return (double)tm.tm_gmtoff * 1000.0;
}

double en_date_local_time(double t) { return t + en_date_offset(t); }

double en_date_utc(double t_local) {
    if (!isfinite(t_local)) return NAN;
    // Offsets a day before and after: a transition near t_local lies
    // between them (zones change offset at most once in 48 hours).
    double before = en_date_offset(t_local - EN_MS_PER_DAY);
    double after = en_date_offset(t_local + EN_MS_PER_DAY);
    if (before == after) return t_local - before;
    double ua = t_local - before, ub = t_local - after;
    bool va = en_date_offset(ua) == before, vb = en_date_offset(ub) == after;
    if (va && vb) return ua < ub ? ua : ub;  // repeated local time: the earlier instant
    if (vb) return ub;
    return ua;  // valid only before, or skipped (gap): the offset before the transition
}

double en_date_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)(ts.tv_nsec / 1000000);
}
