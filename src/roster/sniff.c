/*
 * Encoding detection. UTF-8 text read as GB18030 "succeeds" as mojibake (张三 -> 寮犱笁),
 * so the decision is made on UTF-8 validity, never by trying GB18030 first
 * (notes/reliability.md §5 #14, #15).
 */
#include <string.h>

#include "roster_impl.h"
#include "text/text.h"

size_t
roster_bom(const char *bytes, size_t len, int32_t *encoding)
{
    *encoding = STUINFO_ROSTER_ENCODING_AUTO;
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        *encoding = STUINFO_ROSTER_ENCODING_UTF8;
        return 3;
    }
    if (len >= 4 && memcmp(bytes, "\x84\x31\x95\x33", 4) == 0) {
        *encoding = STUINFO_ROSTER_ENCODING_GB18030;
        return 4;
    }
    return 0;
}

/*
 * UTF-8 when the non-ASCII bytes form valid UTF-8 sequences, allowing a few bad ones
 * (a damaged UTF-8 file should get findings at its bad cells, not turn into mojibake);
 * GB18030 otherwise. GB18030 text rarely forms even one valid multi-byte sequence.
 */
int32_t
roster_sniff(const char *bytes, size_t len)
{
    size_t good = 0, bad = 0, i = 0;

    while (i < len) {
        size_t off;
        text_status st;

        if ((unsigned char)bytes[i] < 0x80) {
            i++;
            continue;
        }
        st = text_utf8_check(bytes + i, len - i > 4 ? 4 : len - i, &off);
        if (st == TEXT_OK || off > 0) {
            /* the first sequence is valid: step over it */
            size_t n = 1;
            while (n < 4 && i + n < len && ((unsigned char)bytes[i + n] & 0xC0) == 0x80)
                n++;
            good++;
            i += n;
        } else {
            bad++;
            i++;
        }
    }
    if (good > 0 && good >= 8 * bad)
        return STUINFO_ROSTER_ENCODING_UTF8;
    if (good == 0 && bad == 0)
        return STUINFO_ROSTER_ENCODING_AUTO;
    return STUINFO_ROSTER_ENCODING_GB18030;
}

const char *
roster_encoding_name(int32_t encoding)
{
    switch (encoding) {
    case STUINFO_ROSTER_ENCODING_UTF8:
        return "UTF-8";
    case STUINFO_ROSTER_ENCODING_GB18030:
        return "GB18030";
    default:
        return "auto";
    }
}
