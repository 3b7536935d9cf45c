/* Opening and closing the ICU services a ctx uses. */
#include <string.h>

#include <unicode/ustring.h>

#include "services_impl.h"

size_t
text_services_size(void)
{
    return sizeof(text_services);
}

static UTransliterator *
open_transliterator(const char *id, UErrorCode *err)
{
    UChar uid[64];

    u_uastrncpy(uid, id, (int32_t)(sizeof(uid) / sizeof(uid[0])));
    return utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, err);
}

text_status
text_services_open(text_services *svc)
{
    UErrorCode err = U_ZERO_ERROR;

    memset(svc, 0, sizeof(*svc));
    svc->nfc = unorm2_getNFCInstance(&err);
    svc->nfkc = unorm2_getNFKCInstance(&err);
    svc->nfkc_casefold = unorm2_getNFKCCasefoldInstance(&err);
    svc->gb18030 = ucnv_open("GB18030", &err);
    if (U_SUCCESS(err))
        ucnv_setToUCallBack(svc->gb18030, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    if (U_SUCCESS(err))
        ucnv_setFromUCallBack(svc->gb18030, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL,
                              &err);
    svc->collator_zh = ucol_open("zh", &err);
    svc->han_latin = open_transliterator("Han-Latin; Latin-ASCII", &err);
    svc->trad_simp = open_transliterator("Traditional-Simplified", &err);
    /* Warnings such as U_USING_DEFAULT_WARNING are fine; only failures count. */
    if (U_FAILURE(err)) {
        text_status st = err == U_MEMORY_ALLOCATION_ERROR ? TEXT_NOMEM : TEXT_ICU_ERROR;
        text_services_close(svc);
        return st;
    }
    return TEXT_OK;
}

void
text_services_close(text_services *svc)
{
    if (svc == NULL)
        return;
    if (svc->gb18030 != NULL)
        ucnv_close(svc->gb18030);
    if (svc->collator_zh != NULL)
        ucol_close(svc->collator_zh);
    if (svc->han_latin != NULL)
        utrans_close(svc->han_latin);
    if (svc->trad_simp != NULL)
        utrans_close(svc->trad_simp);
    memset(svc, 0, sizeof(*svc));
}
