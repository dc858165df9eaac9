// Date formatting: toString / toDateString / toTimeString / toUTCString /
// toISOString (ES2025 §21.4.4.41.1-4, §21.4.1.32).
#include "date_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const week_names[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Year as the spec's DateString pads it: at least 4 digits, '-' when negative.
static int fmt_year(char *p, double y) {
    long long yi = (long long)y;
    return sprintf(p, "%s%04lld", yi < 0 ? "-" : "", yi < 0 ? -yi : yi);
}

// " GMT+HHMM (ZONE)" for UTC instant tv.
static int fmt_zone(char *p, double tv) {
    double off = en_date_offset(tv);
    long long mins = (long long)(fabs(off) / 60000.0);
    int n = sprintf(p, "GMT%c%02lld%02lld", off < 0 ? '-' : '+', mins / 60, mins % 60);
    // The zone name: the C library's abbreviation (no Intl for long names).
    time_t secs = (time_t)floor(tv / 1000.0);
    struct tm tm;
    if (localtime_r(&secs, &tm) && tm.tm_zone && tm.tm_zone[0] && strlen(tm.tm_zone) < 32)
        n += sprintf(p + n, " (%s)", tm.tm_zone);
    return n;
}

static int fmt_date(char *p, double t) {
    int n = sprintf(p, "%s %s %02d ", week_names[en_date_week_day(t)], month_names[en_date_month_from_time(t)],
                    en_date_date_from_time(t));
    return n + fmt_year(p + n, en_date_year_from_time(t));
}

static int fmt_time(char *p, double t) {
    return sprintf(p, "%02d:%02d:%02d ", en_date_hour(t), en_date_min(t), en_date_sec(t));
}

size_t en_date_format(double tv, EnDateFormat fmt, char *buf) {
    int n = 0;
    double t;
    switch (fmt) {
    case EN_DATE_FMT_FULL:
        t = en_date_local_time(tv);
        n = fmt_date(buf, t);
        buf[n++] = ' ';
        n += fmt_time(buf + n, t);
        n += fmt_zone(buf + n, tv);
        break;
    case EN_DATE_FMT_DATE:
        n = fmt_date(buf, en_date_local_time(tv));
        break;
    case EN_DATE_FMT_TIME:
        n = fmt_time(buf, en_date_local_time(tv));
        n += fmt_zone(buf + n, tv);
        break;
    case EN_DATE_FMT_UTC:
        n = sprintf(buf, "%s, %02d %s ", week_names[en_date_week_day(tv)], en_date_date_from_time(tv),
                    month_names[en_date_month_from_time(tv)]);
        n += fmt_year(buf + n, en_date_year_from_time(tv));
        n += sprintf(buf + n, " %02d:%02d:%02d GMT", en_date_hour(tv), en_date_min(tv), en_date_sec(tv));
        break;
    case EN_DATE_FMT_ISO: {
        long long y = (long long)en_date_year_from_time(tv);
        if (y >= 0 && y <= 9999) n = sprintf(buf, "%04lld", y);
        else n = sprintf(buf, "%c%06lld", y < 0 ? '-' : '+', y < 0 ? -y : y);
        n += sprintf(buf + n, "-%02d-%02dT%02d:%02d:%02d.%03dZ", en_date_month_from_time(tv) + 1,
                     en_date_date_from_time(tv), en_date_hour(tv), en_date_min(tv), en_date_sec(tv),
                     en_date_ms(tv));
        break;
    }
    }
    buf[n] = 0;
    return (size_t)n;
}
