/* Calendar arithmetic: real dates, and today's date in China from the ctx clock. */
#include "core/core.h"
#include "idnum.h"

int
idnum_days_in_month(int32_t y, int32_t m)
{
    static const uint8_t days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
        return 29;
    return days[m];
}

bool
idnum_date_exists(int32_t y, int32_t m, int32_t d)
{
    return y >= 1 && d >= 1 && d <= idnum_days_in_month(y, m);
}

/* Civil date of a day count (days since 1970-01-01), after H. Hinnant's algorithm
 * (proleptic Gregorian, exact for any day count that fits). */
static int32_t
date_of_days(int64_t days)
{
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;

    y += m <= 2;
    if (y > 214747)             /* keep YYYYMMDD inside int32 */
        y = 214747;
    if (y < 0)
        y = 0;
    return (int32_t)(y * 10000 + m * 100 + d);
}

/* Birth dates are Chinese civil dates: "today" is judged in UTC+8. */
static int64_t
days_of_epoch(int64_t epoch_seconds)
{
    const int64_t utc8 = INT64_C(8) * 3600;
    int64_t t = epoch_seconds > INT64_MAX - utc8 ? INT64_MAX : epoch_seconds + utc8;

    return (t >= 0 ? t : t - 86399) / 86400;
}

int32_t
idnum_date_of_epoch(int64_t epoch_seconds)
{
    return date_of_days(days_of_epoch(epoch_seconds));
}

int32_t
idnum_env_today(const struct idnum_env *env)
{
    return date_of_days(env->days);
}

void
idnum_env_at(struct idnum_env *env, int64_t epoch_seconds, struct text_services *ts)
{
    env->days = days_of_epoch(epoch_seconds);
    /* 1 January of a year no later than this one: any earlier date is in the past. */
    env->sure_past = env->days >= 0 && env->days < INT64_C(366) * 200000
                         ? (int32_t)(1970 + env->days / 366) * 10000 + 101
                         : 0;
    env->ts = ts;
    env->ctx = NULL;
}

void
idnum_env_init(struct idnum_env *env, stuinfo_ctx *ctx)
{
    /* The text services are fetched only if some number needs the slow path. */
    idnum_env_at(env, core_now(ctx), NULL);
    env->ctx = ctx;
}

struct text_services *
idnum_env_text(const struct idnum_env *env)
{
    if (env == NULL)
        return NULL;
    if (env->ts != NULL)
        return env->ts;
    return env->ctx != NULL ? core_text(env->ctx) : NULL;
}
