/* Calendar dates of the record: flexible parsing on set, checks on validate. */
#ifndef MODEL_DATE_H
#define MODEL_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True for a real Gregorian date (1 <= month <= 12, day within the month), year 1000-9999. */
bool model_date_real(int32_t y, int32_t m, int32_t d);

/*
 * Read a date written YYYY-MM-DD, YYYYMMDD, YYYY/M/D, YYYY.M.D or YYYY年M月D日 (ASCII
 * digits). With @p day NULL reads a month instead: YYYY-MM, YYYYMM, YYYY/M, YYYY.M,
 * YYYY年M月. Only the shape is checked, not whether the date is real.
 */
bool model_date_parse(const char *s, size_t len, int32_t *year, int32_t *month,
                      int32_t *day);

/* Write YYYY-MM-DD (11 bytes with NUL) or, with day < 0, YYYY-MM (8 bytes). */
void model_date_format(char *buf, int32_t y, int32_t m, int32_t d);

/* Days since 1970-01-01 of a real date (negative before). */
int64_t model_days_from_civil(int32_t y, int32_t m, int32_t d);

/* The civil date of epoch seconds (UTC+8: the registry runs on Beijing time). */
void model_civil_from_epoch(int64_t seconds, int32_t *y, int32_t *m, int32_t *d);

/* Strict reads of the stored canonical forms; false when not in that form or not real. */
bool model_date_read(const char *s, size_t len, int32_t *y, int32_t *m, int32_t *d);
bool model_month_read(const char *s, size_t len, int32_t *y, int32_t *m);

/* Whole years from a birth date to a date (birthdays on 29 February count on 1 March). */
int32_t model_age_at(int32_t by, int32_t bm, int32_t bd, int32_t y, int32_t m, int32_t d);

#endif /* MODEL_DATE_H */
