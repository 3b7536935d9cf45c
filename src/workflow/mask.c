/*
 * The masked summary of changed fields that goes into the audit log's text: every
 * changed path, and for key fields the old and new values masked (ID numbers by the
 * idnum mask "3*4", which never shows the birth date; other values, names included, one
 * '*' per character, at most 16). Values of other fields are left out: the log says
 * what changed, the request holds the values.
 */
#include <string.h>

#include "stuinfo/idnum.h"
#include "workflow/workflow.h"

enum { MASK_MAX = 40, ITEM_MAX = MODEL_PATH_MAX + 2 * MASK_MAX + 64 };

static size_t
mask_value(stuinfo_ctx *ctx, const struct wf_change *c, const struct wf_text *v, char *buf)
{
    bool idno = (c->group == MODEL_GROUP_STUDENT && c->field == STUINFO_FIELD_ID_DOC_NO)
                || (c->group == MODEL_GROUP_FAMILY && c->field == STUINFO_FAMILY_ID_DOC_NO);
    size_t n = 0;

    if (v->text == NULL) {
        buf[0] = '-';
        return 1;
    }
    if (idno) {
        /* Cannot fail: MASK_MAX holds any masked number and any whole-text mask (were it
         * to fail, n stays 0 and nothing is shown). */
        (void)stuinfo_idnum_mask(ctx, v->text, v->len, "3*4", buf, MASK_MAX, &n);
        return n;
    }
    for (size_t i = 0; i < v->len && n < 16; i++)
        if (((unsigned char)v->text[i] & 0xC0) != 0x80)
            buf[n++] = '*';
    return n;
}

static void
put(char *buf, size_t *n, const char *s, size_t len)
{
    memcpy(buf + *n, s, len);
    *n += len;
}

stuinfo_status
workflow_mask_changes(stuinfo_ctx *ctx, const stuinfo_workflow_policy *p,
                      struct wf_change *const *changes, size_t count, const char *note,
                      struct wf_text *out)
{
    size_t cap = (count + 1) * ITEM_MAX, n = 0, note_len = note != NULL ? strlen(note) : 0;
    char *buf, m[MASK_MAX];
    stuinfo_status st;

    out->text = NULL;
    out->len = 0;
    if (count == 0 && note == NULL)
        return STUINFO_OK;
    if (note_len > 32)
        note_len = 32;
    buf = core_alloc(ctx, cap);
    if (buf == NULL)
        return STUINFO_ERR_NOMEM;
    if (count == 0)
        put(buf, &n, "evidence ", 9);
    for (size_t i = 0; i < count; i++) {
        const struct wf_change *c = changes[i];

        if (i > 0)
            put(buf, &n, "; ", 2);
        put(buf, &n, c->path, strlen(c->path));
        if (note == NULL && workflow_change_class(p, c) == STUINFO_FIELD_CLASS_KEY) {
            put(buf, &n, ": ", 2);
            put(buf, &n, m, mask_value(ctx, c, &c->old_value, m));
            put(buf, &n, " -> ", 4);
            put(buf, &n, m, mask_value(ctx, c, &c->new_value, m));
        }
        if (note != NULL)
            put(buf, &n, " ", 1);
    }
    if (note != NULL)
        put(buf, &n, note, note_len);
    st = workflow_text_set(ctx, out, buf, n);
    core_free_wipe(ctx, buf, cap);
    return st;
}
