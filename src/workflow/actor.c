/* Actors (who acts) and lifecycle facts (what the host knows about the student). */
#include <string.h>

#include "text/text.h"
#include "workflow/workflow.h"

stuinfo_status
stuinfo_cr_actor_init(stuinfo_cr_actor *out, int32_t role, const char *id, size_t len)
{
    stuinfo_status st;

    if (out == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    memset(out, 0, sizeof(*out));
    if (role < STUINFO_ROLE_STUDENT || role > WF_ROLE_MAX || id == NULL || len == 0)
        return STUINFO_ERR_INVALID_ARGUMENT;
    st = workflow_text_check(id, len, STUINFO_CR_ACTOR_ID_MAX);
    if (st != STUINFO_OK)
        return st;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)id[i] < 0x20 || id[i] == 0x7f)
            return STUINFO_ERR_INVALID_ARGUMENT;
    out->size = (uint32_t)sizeof(*out);
    out->role = role;
    memcpy(out->id, id, len);
    return STUINFO_OK;
}

stuinfo_status
stuinfo_cr_facts_init(stuinfo_cr_facts *out)
{
    if (out == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    memset(out, 0, sizeof(*out));
    out->size = (uint32_t)sizeof(*out);
    return STUINFO_OK;
}
