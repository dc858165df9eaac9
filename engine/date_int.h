// Date helpers (ES2025 §21.4.1): time-value arithmetic with the spec's
// exact double semantics, local time through the C library, parsing and
// formatting. Pure C, no heap. Owner: collections helper (engine/date_time.c,
// date_parse.c, date_format.c; prefix en_date_).
//
// Time values are doubles (ms since the epoch, UTC; NaN = invalid). Local
// time follows the TZ environment variable via tzset/localtime_r, DST
// included, for every year the C library handles (time_t is 64-bit).
#ifndef OCHRE_ENGINE_DATE_INT_H
#define OCHRE_ENGINE_DATE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EN_MS_PER_DAY 86400000.0
#define EN_DATE_MAX_TIME 8.64e15

// Day(t), TimeWithinDay(t) (in [0, msPerDay)).
double en_date_day(double t);
double en_date_time_within_day(double t);
// DayFromYear(y), YearFromTime(t), InLeapYear (0/1), MonthFromTime (0..11),
// DateFromTime (1..31), WeekDay (0 = Sunday).
double en_date_day_from_year(double y);
double en_date_year_from_time(double t);
int en_date_in_leap_year(double t);
int en_date_month_from_time(double t);
int en_date_date_from_time(double t);
int en_date_week_day(double t);
// HourFromTime, MinFromTime, SecFromTime, msFromTime.
int en_date_hour(double t);
int en_date_min(double t);
int en_date_sec(double t);
int en_date_ms(double t);

// MakeTime, MakeDay, MakeDate, TimeClip, MakeFullYear (Date constructor
// and Date.UTC: 0..99 -> 1900..1999).
double en_date_make_time(double hour, double min, double sec, double ms);
double en_date_make_day(double year, double month, double date);
double en_date_make_date(double day, double time);
double en_date_time_clip(double t);
double en_date_make_full_year(double y);

// Offset of local time from UTC at UTC instant t (ms, DST included).
double en_date_offset(double t);
// LocalTime(t) and UTC(t_local) (a skipped local time uses the offset
// before the transition; a repeated one the earlier instant).
double en_date_local_time(double t);
double en_date_utc(double t_local);
// Current time value (ms, integral).
double en_date_now(void);

// Date.parse on ASCII text (other units mapped to '?' by the caller):
// the ISO format (every form of §21.4.1.32) and the formats produced by
// toString, toUTCString, toDateString and the common legacy forms
// ("Nov 24 2026 10:00", "11/24/2026"). NaN when unrecognised.
double en_date_parse(const char *s, size_t len);

// Formatting of time value tv (finite) into buf (at least
// EN_DATE_BUF bytes); returns the length.
#define EN_DATE_BUF 96
typedef enum EnDateFormat {
    EN_DATE_FMT_FULL,  // toString: "Tue Nov 24 2026 10:00:00 GMT-0500 (EST)"
    EN_DATE_FMT_DATE,  // toDateString: "Tue Nov 24 2026"
    EN_DATE_FMT_TIME,  // toTimeString: "10:00:00 GMT-0500 (EST)"
    EN_DATE_FMT_UTC,   // toUTCString: "Tue, 24 Nov 2026 15:00:00 GMT"
    EN_DATE_FMT_ISO,   // toISOString: "2026-11-24T15:00:00.000Z" (tv must be in range)
} EnDateFormat;
size_t en_date_format(double tv, EnDateFormat fmt, char *buf);

#endif
