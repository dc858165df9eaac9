// Date.parse (ES2025 §21.4.3.2): the Date Time String Format of §21.4.1.32
// in all its forms, then a tolerant parser for the strings toString,
// toUTCString and toDateString produce and the common legacy forms.
#include "date_int.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

typedef struct Cur {
    const char *s, *end;
} Cur;

static int peek(const Cur *c) { return c->s < c->end ? (unsigned char)*c->s : -1; }

// Exactly n digits.
static bool digits(Cur *c, int n, int *out) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        int ch = peek(c);
        if (ch < '0' || ch > '9') return false;
        v = v * 10 + (ch - '0');
        c->s++;
    }
    *out = v;
    return true;
}

static bool accept(Cur *c, int ch) {
    if (peek(c) != ch) return false;
    c->s++;
    return true;
}

static int days_in_month(int y, int m) {
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m != 2) return d[m - 1];
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return leap ? 29 : 28;
}

// The ISO format. Returns false when the text is not of that shape (the
// legacy parser then tries); *out is NaN for well-shaped invalid values.
static bool parse_iso(const char *s, size_t len, double *out) {
    Cur c = {s, s + len};
    int year, month = 1, day = 1, hour = 0, min = 0, sec = 0;
    double ms = 0;
    int sign = 0;
    if (accept(&c, '+')) sign = 1;
    else if (accept(&c, '-')) sign = -1;
    if (sign) {
        if (!digits(&c, 6, &year)) return false;
        if (sign < 0 && year == 0) {
            *out = NAN;  // -000000 is not allowed
            return true;
        }
        year *= sign;
    } else if (!digits(&c, 4, &year)) {
        return false;
    }
    if (accept(&c, '-')) {
        if (!digits(&c, 2, &month)) return false;
        if (accept(&c, '-') && !digits(&c, 2, &day)) return false;
    }
    bool has_time = false, has_tz = false;
    int tz = 0;  // minutes east of UTC
    if (peek(&c) == 'T' || peek(&c) == 't' || (peek(&c) == ' ' && c.end - c.s > 1 && isdigit((unsigned char)c.s[1]))) {
        c.s++;
        has_time = true;
        if (!digits(&c, 2, &hour) || !accept(&c, ':') || !digits(&c, 2, &min)) return false;
        if (accept(&c, ':')) {
            if (!digits(&c, 2, &sec)) return false;
            if (accept(&c, '.') || accept(&c, ',')) {
                // One or more digits; the first three are milliseconds.
                int n = 0;
                double scale = 100;
                while (peek(&c) >= '0' && peek(&c) <= '9') {
                    if (n < 3) ms += (peek(&c) - '0') * scale;
                    scale /= 10;
                    n++;
                    c.s++;
                }
                if (!n) return false;
            }
        }
        if (accept(&c, 'Z') || accept(&c, 'z')) {
            has_tz = true;
        } else if (peek(&c) == '+' || peek(&c) == '-') {
            int sg = peek(&c) == '-' ? -1 : 1;
            c.s++;
            int th, tm;
            if (!digits(&c, 2, &th)) return false;
            accept(&c, ':');
            if (!digits(&c, 2, &tm)) return false;
            if (th > 23 || tm > 59) {
                *out = NAN;
                return true;
            }
            tz = sg * (th * 60 + tm);
            has_tz = true;
        }
    } else if (accept(&c, 'Z') || accept(&c, 'z')) {
        has_tz = true;
    }
    if (c.s != c.end) return false;
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 24 || min > 59 ||
        sec > 59 || (hour == 24 && (min || sec || ms))) {
        *out = NAN;
        return true;
    }
    double t = en_date_make_date(en_date_make_day(year, month - 1, day), en_date_make_time(hour, min, sec, ms));
    // Date-only forms are UTC; date-time forms without an offset are local.
    if (has_tz) t -= tz * 60000.0;
    else if (has_time) t = en_date_utc(t);
    *out = en_date_time_clip(t);
    return true;
}

static int match_word(const char *w, size_t n, const char *const *list, int count) {
    if (n < 3) return -1;
    for (int i = 0; i < count; i++) {
        if (strncmp(w, list[i], 3) == 0) {
            // A longer word must spell the full name's prefix ("November", "Tues").
            size_t full = strlen(list[i]);
            if (n <= full && strncmp(w, list[i], n) == 0) return i;
        }
    }
    return -1;
}

static const char *const months[12] = {"january", "february", "march",     "april",   "may",      "june",
                                       "july",    "august",   "september", "october", "november", "december"};
static const char *const weekdays[7] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

static double parse_legacy(const char *s, size_t len) {
    Cur c = {s, s + len};
    int month = -1, hour = -1, min = 0, sec = 0, ms = 0, ampm = 0;
    bool tz_seen = false, tz_keyword = false;
    int tz = 0;
    double nums[3];
    int ndigits[3], nnum = 0;
    int slash[3], nslash = 0;
    while (c.s < c.end) {
        int ch = peek(&c);
        if (ch == ' ' || ch == ',' || ch == '\t' || ch == '\n' || ch == '\r') {
            c.s++;
        } else if (ch == '(') {
            int depth = 0;
            do {
                if (peek(&c) == '(') depth++;
                else if (peek(&c) == ')') depth--;
                c.s++;
            } while (c.s < c.end && depth > 0);
        } else if (isalpha(ch)) {
            char w[16];
            size_t n = 0;
            while (isalpha(peek(&c))) {
                if (n < sizeof w - 1) w[n++] = (char)tolower(peek(&c));
                c.s++;
            }
            w[n] = 0;
            int m;
            if (!strcmp(w, "am") || !strcmp(w, "pm")) {
                ampm = w[0] == 'a' ? 1 : 2;
            } else if (!strcmp(w, "gmt") || !strcmp(w, "utc") || !strcmp(w, "ut") || !strcmp(w, "z")) {
                tz_seen = tz_keyword = true;
                tz = 0;
            } else if ((m = match_word(w, n, months, 12)) >= 0) {
                if (month >= 0) return NAN;
                month = m;
            } else if (match_word(w, n, weekdays, 7) >= 0) {
                // weekday names carry no information
            } else if (!strcmp(w, "t") && hour < 0) {
                // ISO-like separator
            } else {
                return NAN;
            }
        } else if ((ch == '+' || ch == '-') && (tz_keyword || hour >= 0) && c.end - c.s > 1 &&
                   isdigit((unsigned char)c.s[1])) {
            int sg = ch == '-' ? -1 : 1;
            c.s++;
            int v = 0, n = 0;
            while (isdigit(peek(&c))) {
                v = v * 10 + (peek(&c) - '0');
                n++;
                c.s++;
            }
            int hh, mm;
            if (accept(&c, ':')) {
                hh = v;
                mm = 0;
                while (isdigit(peek(&c))) mm = mm * 10 + (*c.s++ - '0');
            } else if (n <= 2) {
                hh = v;
                mm = 0;
            } else {
                hh = v / 100;
                mm = v % 100;
            }
            tz = sg * (hh * 60 + mm);
            tz_seen = true;
            tz_keyword = false;
        } else if (isdigit(ch) || ch == '-' || ch == '+') {
            int sg = 1;
            if (ch == '-' || ch == '+') {
                sg = ch == '-' ? -1 : 1;
                c.s++;
                if (!isdigit(peek(&c))) return NAN;
            }
            double v = 0;
            int n = 0;
            while (isdigit(peek(&c))) {
                if (n < 12) v = v * 10 + (peek(&c) - '0');
                n++;
                c.s++;
            }
            v *= sg;
            if (peek(&c) == ':' && hour < 0 && sg > 0) {
                c.s++;
                hour = (int)v;
                int d;
                if (!isdigit(peek(&c))) return NAN;
                min = 0;
                while (isdigit(peek(&c))) min = min * 10 + (*c.s++ - '0');
                if (accept(&c, ':')) {
                    if (!isdigit(peek(&c))) return NAN;
                    sec = 0;
                    while (isdigit(peek(&c))) sec = sec * 10 + (*c.s++ - '0');
                    if (accept(&c, '.')) {
                        int k = 0;
                        ms = 0;
                        while (digits(&c, 1, &d)) {
                            if (k < 3) ms = ms * 10 + d;
                            k++;
                        }
                        while (k < 3) {
                            ms *= 10;
                            k++;
                        }
                    }
                }
            } else if (peek(&c) == '/' || (nslash > 0 && nslash < 3 && nnum == 0)) {
                if (nslash >= 3 || sg < 0) return NAN;
                slash[nslash++] = (int)v;
                accept(&c, '/');
            } else {
                if (nnum >= 3) return NAN;
                nums[nnum] = v;
                ndigits[nnum++] = sg < 0 ? 99 : n;
            }
        } else {
            return NAN;
        }
    }
    double year, day;
    if (nslash == 3) {
        if (month >= 0 || nnum) return NAN;
        if (slash[0] > 31) {  // y/m/d
            year = slash[0];
            month = slash[1] - 1;
            day = slash[2];
        } else {  // m/d/y
            month = slash[0] - 1;
            day = slash[1];
            year = slash[2];
        }
    } else if (nslash == 0 && month >= 0 && nnum == 2) {
        // "Nov 24 2026", "24 Nov 2026", "2026 Nov 24": the year is the number
        // that cannot be a day.
        bool first_year = ndigits[0] >= 3 || nums[0] > 31 || nums[0] < 1;
        year = first_year ? nums[0] : nums[1];
        day = first_year ? nums[1] : nums[0];
        if (!first_year && ndigits[1] <= 2 && nums[1] >= 0) year += nums[1] < 50 ? 2000 : 1900;
    } else {
        return NAN;
    }
    if (month < 0 || month > 11 || day < 1 || day > 31) return NAN;
    if (hour < 0) hour = 0;
    if (ampm) {
        if (hour > 12) return NAN;
        if (hour == 12) hour = 0;
        if (ampm == 2) hour += 12;
    }
    if (hour > 24 || min > 59 || sec > 59) return NAN;
    double t = en_date_make_date(en_date_make_day(year, month, day), en_date_make_time(hour, min, sec, ms));
    if (tz_seen) t -= tz * 60000.0;
    else t = en_date_utc(t);
    return en_date_time_clip(t);
}

double en_date_parse(const char *s, size_t len) {
    while (len && isspace((unsigned char)*s)) s++, len--;
    while (len && isspace((unsigned char)s[len - 1])) len--;
    double t;
    if (parse_iso(s, len, &t)) return t;
    return parse_legacy(s, len);
}
