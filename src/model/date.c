/* Calendar dates of the record (see date.h). */
#include <string.h>

#include "date.h"

static bool
leap(int32_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool
model_date_real(int32_t y, int32_t m, int32_t d)
{
    static const int8_t days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1)
        return false;
    return d <= days[m - 1] + (m == 2 && leap(y));
}

/* Read 1..max ASCII digits at *pos. */
static bool
digits(const char *s, size_t len, size_t *pos, size_t min, size_t max, int32_t *v)
{
    size_t n = 0;

    *v = 0;
    while (*pos < len && n < max && s[*pos] >= '0' && s[*pos] <= '9') {
        *v = *v * 10 + (s[*pos] - '0');
        (*pos)++;
        n++;
    }
    return n >= min;
}

/* A separator: '-', '/', '.', or the given UTF-8 word (年, 月) at *pos. */
static bool
sep(const char *s, size_t len, size_t *pos, const char *word, char *kind)
{
    size_t w = strlen(word);

    if (*pos < len && (s[*pos] == '-' || s[*pos] == '/' || s[*pos] == '.')) {
        if (*kind != 0 && *kind != s[*pos])
            return false;
        *kind = s[(*pos)++];
        return true;
    }
    if (len - *pos >= w && memcmp(s + *pos, word, w) == 0) {
        if (*kind != 0 && *kind != 'Y')
            return false;
        *kind = 'Y';
        *pos += w;
        return true;
    }
    return false;
}

bool
model_date_parse(const char *s, size_t len, int32_t *year, int32_t *month, int32_t *day)
{
    size_t pos = 0;
    char kind = 0;
    int32_t y, m, d = 1;

    /* Compact forms first: YYYYMMDD and YYYYMM. */
    if (len == (day != NULL ? 8u : 6u)) {
        size_t i;

        for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++)
            ;
        if (i == len) {
            digits(s, len, &pos, 4, 4, &y);
            digits(s, len, &pos, 2, 2, &m);
            if (day != NULL)
                digits(s, len, &pos, 2, 2, &d);
            goto done;
        }
    }
    if (!digits(s, len, &pos, 4, 4, &y) || !sep(s, len, &pos, "\xe5\xb9\xb4", &kind)
        || !digits(s, len, &pos, 1, 2, &m))
        return false;
    if (day != NULL) {
        if (!sep(s, len, &pos, "\xe6\x9c\x88", &kind) || !digits(s, len, &pos, 1, 2, &d))
            return false;
        if (kind == 'Y' && len - pos >= 3 && memcmp(s + pos, "\xe6\x97\xa5", 3) == 0)
            pos += 3;   /* 日 */
    } else if (kind == 'Y' && len - pos >= 3 && memcmp(s + pos, "\xe6\x9c\x88", 3) == 0) {
        pos += 3;       /* 月 */
    }
    if (pos != len)
        return false;
done:
    *year = y;
    *month = m;
    if (day != NULL)
        *day = d;
    return true;
}

static void
put(char *buf, int32_t v, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        buf[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

void
model_date_format(char *buf, int32_t y, int32_t m, int32_t d)
{
    put(buf, y, 4);
    buf[4] = '-';
    put(buf + 5, m, 2);
    if (d < 0) {
        buf[7] = '\0';
        return;
    }
    buf[7] = '-';
    put(buf + 8, d, 2);
    buf[10] = '\0';
}

int64_t
model_days_from_civil(int32_t y, int32_t m, int32_t d)
{
    /* Howard Hinnant's days_from_civil. */
    int64_t yy = y - (m <= 2);
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    int64_t yoe = yy - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

    return era * 146097 + doe - 719468;
}

void
model_civil_from_epoch(int64_t seconds, int32_t *y, int32_t *m, int32_t *d)
{
    const int64_t utc8 = INT64_C(8) * 3600;
    int64_t local = seconds > INT64_MAX - utc8 ? INT64_MAX : seconds + utc8;
    int64_t z = local / 86400;
    int64_t era, doe, yoe, doy, mp;

    if (local % 86400 < 0)
        z--;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int32_t)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int32_t)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int32_t)(yoe + era * 400 + (*m <= 2));
}

static bool
fixed_digits(const char *s, int n, int32_t *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        *v = *v * 10 + (s[i] - '0');
    }
    return true;
}

bool
model_date_read(const char *s, size_t len, int32_t *y, int32_t *m, int32_t *d)
{
    if (s == NULL || len != 10 || s[4] != '-' || s[7] != '-')
        return false;
    if (!fixed_digits(s, 4, y) || !fixed_digits(s + 5, 2, m) || !fixed_digits(s + 8, 2, d))
        return false;
    return model_date_real(*y, *m, *d);
}

bool
model_month_read(const char *s, size_t len, int32_t *y, int32_t *m)
{
    if (s == NULL || len != 7 || s[4] != '-')
        return false;
    if (!fixed_digits(s, 4, y) || !fixed_digits(s + 5, 2, m))
        return false;
    return model_date_real(*y, *m, 1);
}

int32_t
model_age_at(int32_t by, int32_t bm, int32_t bd, int32_t y, int32_t m, int32_t d)
{
    int32_t age = y - by;

    if (m < bm || (m == bm && d < bd))
        age--;
    return age;
}
