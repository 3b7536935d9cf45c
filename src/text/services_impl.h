/* Layout of text_services, shared by the files of src/text only. */
#ifndef TEXT_SERVICES_IMPL_H
#define TEXT_SERVICES_IMPL_H

#include <stdbool.h>
#include <stdint.h>

#include <unicode/ucnv.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>

#include "text.h"

#define TEXT_GB2_LEADS 126          /* 0x81-0xFE */
#define TEXT_GB2_TRAILS 191         /* 0x40-0xFE; 0x7F is never a trail byte */

struct text_services {
    const UNormalizer2 *nfc;
    const UNormalizer2 *nfkc;
    const UNormalizer2 *nfkc_casefold;
    UConverter *gb18030;            /* to-Unicode callback set to STOP: no silent U+FFFD */
    UCollator *collator_zh;         /* pinyin order for names */
    UTransliterator *han_latin;     /* pinyin of names: Han-Latin; Latin-ASCII */
    UTransliterator *trad_simp;     /* 漢族 -> 汉族 for name look-ups */
    /* GB18030's two-byte codes (lead 0x81-0xFE, trail 0x40-0xFE) as the converter above
     * decodes them, made from it on first use; 0: not one BMP code point, ask ICU. */
    bool gb2_ready;
    uint16_t gb2[TEXT_GB2_LEADS * TEXT_GB2_TRAILS];
};

#endif /* TEXT_SERVICES_IMPL_H */
