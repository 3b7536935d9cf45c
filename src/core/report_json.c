/* Rendering findings as JSON with jansson. */
#include <string.h>

#include <jansson.h>

#include "core.h"
#include "json_dump.h"

stuinfo_status core_report_render_json(stuinfo_ctx *ctx, const stuinfo_finding *items,
                                       size_t count, char **json, size_t *len);

stuinfo_status
core_report_render_json(stuinfo_ctx *ctx, const stuinfo_finding *items, size_t count,
                        char **json, size_t *len)
{
    json_t *arr = json_array();
    stuinfo_status st = STUINFO_ERR_NOMEM;

    if (arr == NULL)
        return STUINFO_ERR_NOMEM;
    for (size_t i = 0; i < count; i++) {
        const stuinfo_finding *f = &items[i];
        json_t *o = json_object();

        if (o == NULL || json_array_append_new(arr, o) != 0)
            goto out;
        if (f->row != 0 && json_object_set_new(o, "row", json_integer(f->row)) != 0)
            goto out;
        if (json_object_set_new(o, "field", json_string(f->field)) != 0
            || json_object_set_new(o, "rule", json_string(f->rule)) != 0
            || json_object_set_new(o, "severity",
                                   json_string(stuinfo_severity_str(f->severity))) != 0
            || json_object_set_new(o, "message", json_string(f->message)) != 0)
            goto out;
    }
    /* Not json_dumps(): see json_dump.h. */
    st = core_json_dump(ctx, arr, JSON_COMPACT | JSON_PRESERVE_ORDER, json, len);
out:
    json_decref(arr);
    return st;
}
