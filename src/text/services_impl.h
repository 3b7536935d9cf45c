/* Layout of text_services, shared by the files of src/text only. */
#ifndef TEXT_SERVICES_IMPL_H
#define TEXT_SERVICES_IMPL_H

#include <unicode/ucnv.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>

#include "text.h"

struct text_services {
    const UNormalizer2 *nfc;
    const UNormalizer2 *nfkc;
    const UNormalizer2 *nfkc_casefold;
    UConverter *gb18030;            /* to-Unicode callback set to STOP: no silent U+FFFD */
    UCollator *collator_zh;         /* pinyin order for names */
    UTransliterator *han_latin;     /* pinyin of names: Han-Latin; Latin-ASCII */
    UTransliterator *trad_simp;     /* 漢族 -> 汉族 for name look-ups */
};

#endif /* TEXT_SERVICES_IMPL_H */
