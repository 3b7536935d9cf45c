/* NFKC of short texts, on the stack: the slow path of ID-number normalization. */
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "nfkc.h"
#include "services_impl.h"

text_status
text_nfkc_small(text_services *ts, const char *in, size_t len, char *out, size_t cap,
                size_t *out_len)
{
    UChar src[TEXT_NFKC_SMALL_MAX];
    /* NFKC expands a code unit into at most 18 (U+FDFA); cap the result instead. */
    UChar dst[4 * TEXT_NFKC_SMALL_MAX];
    UErrorCode err = U_ZERO_ERROR;
    int32_t src_len = 0, dst_len, n8 = 0;

    if (ts == NULL || ts->nfkc == NULL)
        return TEXT_ICU_ERROR;
    if (len > TEXT_NFKC_SMALL_MAX || cap == 0 || cap > INT32_MAX)
        return TEXT_TOO_LONG;
    u_strFromUTF8(src, TEXT_NFKC_SMALL_MAX, &src_len, in, (int32_t)len, &err);
    if (err == U_INVALID_CHAR_FOUND || err == U_ILLEGAL_CHAR_FOUND)
        return TEXT_INVALID_UTF8;
    if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
        err = U_FAILURE(err) ? err : U_ZERO_ERROR;
    if (U_FAILURE(err))
        return err == U_BUFFER_OVERFLOW_ERROR ? TEXT_TOO_LONG : TEXT_ICU_ERROR;
    dst_len = unorm2_normalize(ts->nfkc, src, src_len, dst,
                               (int32_t)(sizeof(dst) / sizeof(dst[0])), &err);
    if (U_FAILURE(err))
        return err == U_BUFFER_OVERFLOW_ERROR ? TEXT_TOO_LONG : TEXT_ICU_ERROR;
    u_strToUTF8(out, (int32_t)cap, &n8, dst, dst_len, &err);
    if (U_FAILURE(err) || (size_t)n8 >= cap)
        return TEXT_TOO_LONG;
    out[n8] = '\0';
    *out_len = (size_t)n8;
    return TEXT_OK;
}
