/*
 * Finding personal data in text the library produced (messages, findings, exports):
 * an unmasked resident ID number is 18 ASCII characters, 17 digits and a check
 * character (digit or X) that satisfies ISO 7064 MOD 11-2, not part of a longer run
 * of digits. Used by the hardening tests and the fuzz targets.
 */
#ifndef TESTS_PII_SCAN_H
#define TESTS_PII_SCAN_H

#include <stdbool.h>
#include <stddef.h>

/* True if id[0..17] is a check-valid 18-character ID (17 digits + digit/X/x). */
bool pii_scan_is_valid_id18(const char *id);

/* The first unmasked check-valid ID number in text[0..len), or NULL. */
const char *pii_scan_find_id(const char *text, size_t len);

#endif /* TESTS_PII_SCAN_H */
