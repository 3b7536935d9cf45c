/* Messages and report findings of idnum results (findings.c). */
#ifndef IDNUM_FINDINGS_H
#define IDNUM_FINDINGS_H

#include "idnum.h"

/* Record STUINFO_ERR_INVALID on @p ctx with the message of r->reason; @p student:
 * the number was read as a student number (19 characters expected). */
stuinfo_status idnum_fail_ctx(stuinfo_ctx *ctx, const stuinfo_idnum_result *r, bool student);
/* Add the primary error, further errors and the flags' warnings and notes. */
stuinfo_status idnum_add_findings(stuinfo_report *report, const char *field,
                                  const stuinfo_idnum_result *r, const struct idnum_env *env,
                                  bool student);

#endif /* IDNUM_FINDINGS_H */
