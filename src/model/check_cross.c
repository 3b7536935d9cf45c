/* Cross-field rules of the registry documents (student_model.md §7, issue 5). */
#include <string.h>

#include "canon.h"
#include "idnum/idnum.h"
#include "date.h"
#include "validate.h"

static bool
is(const char *s, const char *word)
{
    return s != NULL && strcmp(s, word) == 0;
}

/* The stored birth date, if it is a real date. */
static bool
birth(const stuinfo_student *st, int32_t *y, int32_t *m, int32_t *d)
{
    size_t n;
    const char *s = model_get(st, STUINFO_FIELD_BIRTH_DATE, &n);

    return model_date_read(s, n, y, m, d);
}

static bool
foreign_doc(const char *type)
{
    return is(type, "6") || is(type, "7") || is(type, "8") || is(type, "9") || is(type, "A");
}

/* Verify @p no with the idnum layer; true when valid. */
static bool
verify(const struct idnum_env *env, const char *no, size_t len, stuinfo_idnum_result *id)
{
    id->size = sizeof(*id);
    return idnum_verify(env, no, len, id) == STUINFO_IDNUM_VALID;
}

static bool
resident_kind(int32_t kind)
{
    return kind == STUINFO_IDNUM_RESIDENT_18 || kind == STUINFO_IDNUM_RESIDENT_15;
}

static bool
permit_kind(int32_t kind)
{
    return kind == STUINFO_IDNUM_PERMIT_HK || kind == STUINFO_IDNUM_PERMIT_MACAO
        || kind == STUINFO_IDNUM_PERMIT_TAIWAN;
}

/* Document type 1 (resident ID) or C (HK/Macao/Taiwan residence permit). */
static void
check_resident_id(struct model_check *c, const struct idnum_env *env, const char *no,
                  size_t len, const char *type)
{
    const stuinfo_student *st = c->st;
    stuinfo_idnum_result id;
    int32_t y, m, d;
    const char *sex = model_get(st, STUINFO_FIELD_SEX, NULL);

    if (!verify(env, no, len, &id)) {
        model_check_add(c, RULE_STUDENT_BAD_ID_NUMBER, "id_doc_no",
                        stuinfo_idnum_reason_rule(id.reason));
        goto wipe;
    }
    if (is(type, "1") ? !resident_kind(id.kind) : !permit_kind(id.kind)) {
        model_check_add(c, RULE_STUDENT_ID_TYPE_MISMATCH, "id_doc_no", type);
        goto wipe;
    }
    if (birth(st, &y, &m, &d)
        && (y != id.birth_year || m != id.birth_month || d != id.birth_day))
        model_check_add(c, RULE_STUDENT_ID_BIRTH_MISMATCH, "birth_date", NULL);
    if ((is(sex, "1") || is(sex, "2")) && id.sex != 0 && id.sex != sex[0] - '0')
        model_check_add(c, RULE_STUDENT_ID_SEX_MISMATCH, "sex", NULL);
wipe:
    explicit_bzero(id.normalized, sizeof(id.normalized));
}

static bool
family_has_id(const stuinfo_student *st)
{
    for (size_t i = 0; i < st->family_count; i++)
        if (st->family[i]->v[STUINFO_FAMILY_ID_DOC_TYPE].text != NULL
            && st->family[i]->v[STUINFO_FAMILY_ID_DOC_NO].text != NULL)
            return true;
    return false;
}

/*
 * A formal G number is "G" + the student's resident ID number; J and L numbers carry the
 * birth date at characters 8-15 (student_model.md §1). True when the record agrees or
 * when the part to compare with is empty.
 */
static bool
student_no_agrees(const stuinfo_student *st, const char *no, size_t len)
{
    size_t idlen, blen;
    const char *id = model_get(st, STUINFO_FIELD_ID_DOC_NO, &idlen);
    const char *type = model_get(st, STUINFO_FIELD_ID_DOC_TYPE, NULL);
    const char *b = model_get(st, STUINFO_FIELD_BIRTH_DATE, &blen);

    if (len != 19)
        return true;
    if (no[0] == 'G')
        return id == NULL || !is(type, "1") || (idlen == 18 && memcmp(no + 1, id, 18) == 0);
    if (b == NULL || blen != 10)
        return true;
    /* b is YYYY-MM-DD; the number holds YYYYMMDD after the letter and 6 digits. */
    return memcmp(no + 7, b, 4) == 0 && memcmp(no + 11, b + 5, 2) == 0
        && memcmp(no + 13, b + 8, 2) == 0;
}

static void
check_student_no(struct model_check *c, const struct idnum_env *env)
{
    size_t len;
    const char *no = model_get(c->st, STUINFO_FIELD_STUDENT_NO, &len);
    stuinfo_idnum_result id;

    if (no == NULL)
        return;
    id.size = sizeof(id);
    if (idnum_student_no_verify(env, no, len, false, &id) != STUINFO_IDNUM_VALID)
        model_check_add(c, RULE_STUDENT_BAD_STUDENT_NO, "student_no", NULL);
    else if (!student_no_agrees(c->st, no, len))
        model_check_add(c, RULE_STUDENT_STUDENT_NO_MISMATCH, "student_no", NULL);
    explicit_bzero(id.normalized, sizeof(id.normalized));
}

void
model_check_identity(struct model_check *c)
{
    const stuinfo_student *st = c->st;
    size_t len;
    const char *type = model_get(st, STUINFO_FIELD_ID_DOC_TYPE, NULL);
    const char *no = model_get(st, STUINFO_FIELD_ID_DOC_NO, &len);
    const char *hmt = model_get(st, STUINFO_FIELD_HMT_OVERSEAS, NULL);
    stuinfo_idnum_result id;
    struct idnum_env env;

    idnum_env_init(&env, st->ctx);
    if (no == NULL) {
        if (type != NULL && !is(type, "Z"))
            model_check_add(c, RULE_STUDENT_ID_REQUIRED, "id_doc_no", NULL);
        if (!family_has_id(st))
            model_check_add(c, RULE_STUDENT_FAMILY_ID_REQUIRED, "family", NULL);
    } else if (is(type, "1") || is(type, "C")) {
        check_resident_id(c, &env, no, len, type);
    } else if (foreign_doc(type) && verify(&env, no, len, &id) && resident_kind(id.kind)) {
        /* A mainland resident ID number under a foreign or HK/Macao/Taiwan document. */
        model_check_add(c, RULE_STUDENT_ID_TYPE_MISMATCH, "id_doc_type", type);
    }
    check_student_no(c, &env);
    /* 港澳台侨外: 00 with a resident ID, not 00 with documents 6-9/A (a warning). */
    if (hmt != NULL && type != NULL
        && ((is(type, "1") && !is(hmt, "00")) || (foreign_doc(type) && is(hmt, "00"))))
        model_check_add(c, RULE_STUDENT_HMT_DOC_MISMATCH, "hmt_overseas", NULL);
    /* 国籍/地区 HKG/MAC/TWN with 港澳台侨外 00 (student_model.md §7.6, a warning). */
    {
        const char *nat = model_get(st, STUINFO_FIELD_NATIONALITY, NULL);

        if (is(hmt, "00") && (is(nat, "HKG") || is(nat, "MAC") || is(nat, "TWN")))
            model_check_add(c, RULE_STUDENT_HMT_NATIONALITY_MISMATCH, "hmt_overseas", NULL);
    }
    /* Family members' resident ID numbers. */
    for (size_t i = 0; i < st->family_count; i++) {
        const struct model_value *v = st->family[i]->v;

        if (is(v[STUINFO_FAMILY_ID_DOC_TYPE].text, "1")
            && v[STUINFO_FAMILY_ID_DOC_NO].text != NULL
            && (!verify(&env, v[STUINFO_FAMILY_ID_DOC_NO].text,
                        v[STUINFO_FAMILY_ID_DOC_NO].len, &id)
                || !resident_kind(id.kind)))
            model_check_add_field(c, RULE_STUDENT_BAD_ID_NUMBER, MODEL_GROUP_FAMILY, i,
                                  STUINFO_FAMILY_ID_DOC_NO,
                                  stuinfo_idnum_reason_rule(id.reason));
    }
    explicit_bzero(id.normalized, sizeof(id.normalized));
}

void
model_check_political(struct model_check *c)
{
    const stuinfo_student *st = c->st;
    const char *status = model_get(st, STUINFO_FIELD_POLITICAL_STATUS, NULL);
    size_t len;
    const char *join = model_get(st, STUINFO_FIELD_POLITICAL_JOIN_DATE, &len);
    bool party = is(status, "01") || is(status, "02");
    bool league = is(status, "03");
    int32_t by, bm, bd, jy, jm, jd, min;
    char num[24];

    if (!party && !league) {
        if (join != NULL)
            model_check_add(c, RULE_STUDENT_JOIN_DATE_UNEXPECTED, "political_join_date",
                            NULL);
        return;
    }
    if (join == NULL) {
        model_check_add(c, RULE_STUDENT_JOIN_DATE_MISSING, "political_join_date", NULL);
        return;
    }
    min = party ? c->policy->min_party_age : c->policy->min_league_age;
    if (model_date_read(join, len, &jy, &jm, &jd) && birth(st, &by, &bm, &bd)
        && model_age_at(by, bm, bd, jy, jm, jd) < min)
        model_check_add(c, RULE_STUDENT_JOIN_DATE_EARLY, "political_join_date",
                        core_fmt_int(num, min));
}

void
model_check_phone(struct model_check *c)
{
    if (model_get(c->st, STUINFO_FIELD_PHONE, NULL) == NULL
        && model_get(c->st, STUINFO_FIELD_MOBILE, NULL) == NULL)
        model_check_add(c, RULE_STUDENT_PHONE_MISSING, "phone", NULL);
}

void
model_check_family(struct model_check *c)
{
    const stuinfo_student *st = c->st;
    const stuinfo_policy *p = c->policy;
    int32_t y, m, d;
    int principal = 0;
    long guardian_no_phone = -1;
    bool guardian_ok = false;
    char num[24];

    for (size_t i = 0; i < st->family_count; i++) {
        const struct model_value *v = st->family[i]->v;

        if (!is(v[STUINFO_FAMILY_PRINCIPAL].text, "0"))
            principal++;
        if (is(v[STUINFO_FAMILY_IS_GUARDIAN].text, "1")) {
            if (v[STUINFO_FAMILY_PHONE].text != NULL || v[STUINFO_FAMILY_MOBILE].text != NULL)
                guardian_ok = true;
            else if (guardian_no_phone < 0)
                guardian_no_phone = (long)i;
        }
    }
    if (principal > p->max_principal_family)
        model_check_add(c, RULE_STUDENT_TOO_MANY_PRINCIPAL, "family",
                        core_fmt_int(num, p->max_principal_family));
    if ((int64_t)st->family_count < p->min_family)
        model_check_add(c, RULE_STUDENT_FAMILY_TOO_FEW, "family",
                        core_fmt_int(num, p->min_family));
    /* A minor (by the ctx clock) needs a guardian with a phone. */
    if (birth(st, &y, &m, &d)
        && model_age_at(y, m, d, c->today_y, c->today_m, c->today_d) < p->adult_age
        && !guardian_ok) {
        if (guardian_no_phone >= 0)
            model_check_add_field(c, RULE_STUDENT_GUARDIAN_NO_PHONE, MODEL_GROUP_FAMILY,
                                  (size_t)guardian_no_phone, STUINFO_FAMILY_PHONE, NULL);
        else
            model_check_add(c, RULE_STUDENT_GUARDIAN_MISSING, "family", NULL);
    }
}

/* First-year grade as schools write it: 一年级, 小学一年级, 1, 11 (registry grade code). */
static bool
first_year(const char *grade)
{
    static const char *const forms[] = {
        "1", "01", "11", "\xe4\xb8\x80",                                    /* 一 */
        "\xe4\xb8\x80\xe5\xb9\xb4\xe7\xba\xa7",                             /* 一年级 */
        "\xe5\xb0\x8f\xe5\xad\xa6\xe4\xb8\x80\xe5\xb9\xb4\xe7\xba\xa7",     /* 小学一年级 */
        "\xe5\x88\x9d\xe5\xb0\x8f\xe4\xb8\x80\xe5\xb9\xb4\xe7\xba\xa7",     /* 初小一年级 */
    };

    for (size_t i = 0; grade != NULL && i < sizeof(forms) / sizeof(forms[0]); i++)
        if (strcmp(grade, forms[i]) == 0)
            return true;
    return false;
}

void
model_check_entry_age(struct model_check *c)
{
    const stuinfo_student *st = c->st;
    const stuinfo_policy *p = c->policy;
    size_t len;
    const char *enrol = model_get(st, STUINFO_FIELD_ENROL_MONTH, &len);
    int32_t by, bm, bd, ey, em, cd;
    char num[24];

    if (!first_year(model_get(st, STUINFO_FIELD_GRADE, NULL)) || !birth(st, &by, &bm, &bd))
        return;
    if (!model_month_read(enrol, len, &ey, &em))
        ey = c->today_y;
    /* The cut-off day of the entry year (31 August by default; 29 February falls back). */
    cd = p->entry_cutoff_day;
    while (cd > 1 && !model_date_real(ey, p->entry_cutoff_month, cd))
        cd--;
    if (model_age_at(by, bm, bd, ey, p->entry_cutoff_month, cd) < p->entry_age)
        model_check_add(c, RULE_STUDENT_ENTRY_AGE, "birth_date",
                        core_fmt_int(num, p->entry_age));
}
