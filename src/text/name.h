/* Personal names: character classes, the comparison key and pinyin, through ICU. */
#ifndef TEXT_NAME_H
#define TEXT_NAME_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

/* What a name is made of: counts of code points by class. */
typedef struct text_name_scan {
    uint32_t code_points;
    uint32_t han;               /* Han script, including supplementary planes (𠮷) */
    uint32_t dots;              /* U+00B7 */
    uint32_t digits;            /* any decimal digit */
    uint32_t latin;             /* Latin letters */
    uint32_t spaces;
    uint32_t other;             /* anything else (punctuation, symbols, other scripts) */
    uint32_t compat;            /* CJK compatibility ideographs that NFC would rewrite */
    uint32_t radical;           /* Kangxi radicals and CJK radicals supplement */
    uint32_t private_use;       /* private-use code points */
    uint32_t first_bad;         /* first code point counted in other/compat/radical/pua */
} text_name_scan;

/* Classify every code point of valid UTF-8 text. */
void text_name_scan_run(const char *s, size_t len, text_name_scan *out);

/*
 * The comparison key of a name: NFKC case-folded (compatibility ideographs and radicals
 * become their unified forms), middle-dot variants folded, spaces dropped. Writes at most
 * cap bytes (NUL included) into out. TEXT_TOO_LONG when it does not fit.
 */
text_status text_name_key(text_services *ts, const char *s, size_t len, char *out,
                          size_t cap, size_t *out_len);

/*
 * Pinyin of a Han name through ICU's "Han-Latin; Latin-ASCII" transform, e.g.
 * 张三 -> "zhang san". Writes at most cap bytes (NUL included).
 */
text_status text_han_latin(text_services *ts, const char *s, size_t len, char *out,
                           size_t cap, size_t *out_len);

#endif /* TEXT_NAME_H */
