/* Formats of phones, e-mail addresses, postcodes and resident ID numbers. */
#include <string.h>

#include "validate.h"

static bool
all_digits(const char *s, size_t len)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

bool
model_is_postcode(const char *s, size_t len)
{
    return len == 6 && all_digits(s, len);
}

/* Drop a +86 / 0086 / 86- country prefix. */
static void
strip_country(const char **s, size_t *len)
{
    if (*len > 3 && memcmp(*s, "+86", 3) == 0) {
        *s += 3;
        *len -= 3;
    } else if (*len > 4 && memcmp(*s, "0086", 4) == 0) {
        *s += 4;
        *len -= 4;
    } else if (*len == 13 && memcmp(*s, "86", 2) == 0) {
        *s += 2;
        *len -= 2;
    }
    if (*len > 0 && (**s == '-' || **s == ' ')) {
        (*s)++;
        (*len)--;
    }
}

bool
model_is_mobile(const char *s, size_t len)
{
    strip_country(&s, &len);
    /* Mainland mobile numbers: 11 digits, 1 then 3-9. */
    return len == 11 && all_digits(s, len) && s[0] == '1' && s[1] >= '3' && s[1] <= '9';
}

bool
model_is_phone(const char *s, size_t len)
{
    size_t i = 0, area = 0, local = 0, ext = 0;

    if (model_is_mobile(s, len))
        return true;
    strip_country(&s, &len);
    /* Landline: optional area code 0 + 2-3 digits (with '-' or '(...)'), 7-8 digits,
     * optional extension '-' + 1-6 digits. */
    if (i < len && s[i] == '(') {
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            area++, i++;
        if (i >= len || s[i] != ')' || area < 3 || area > 4 || s[1] != '0')
            return false;
        i++;
    } else if (len > 0 && s[0] == '0') {
        while (i < len && s[i] >= '0' && s[i] <= '9')
            area++, i++;
        if (i < len && s[i] == '-') {
            i++;
            if (area < 3 || area > 4)
                return false;
        } else {
            /* Written without a separator: 0 + area + local, 10-12 digits. */
            return i == len && area >= 10 && area <= 12;
        }
    }
    while (i < len && s[i] >= '0' && s[i] <= '9')
        local++, i++;
    if (local < 7 || local > 8 || s[i - local] == '0')
        return false;
    if (i < len && s[i] == '-') {
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            ext++, i++;
        if (ext < 1 || ext > 6)
            return false;
    }
    return i == len;
}

static bool
email_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
        || strchr("!#$%&'*+/=?^_`{|}~.-", ch) != NULL;
}

bool
model_is_email(const char *s, size_t len)
{
    const char *at = memchr(s, '@', len);
    size_t local, dlen, label = 0;
    bool dot = false;

    if (at == NULL || len > 254)
        return false;
    local = (size_t)(at - s);
    dlen = len - local - 1;
    if (local == 0 || local > 64 || dlen < 3 || s[0] == '.' || at[-1] == '.')
        return false;
    for (size_t i = 0; i < local; i++)
        if (!email_char(s[i]) || (s[i] == '.' && s[i + 1] == '.'))
            return false;
    /* Domain: labels of letters, digits and inner hyphens, at least two labels. */
    for (size_t i = 0; i < dlen; i++) {
        char ch = at[1 + i];

        if (ch == '.') {
            if (label == 0 || at[i] == '-')
                return false;
            dot = true;
            label = 0;
        } else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
                   || (ch >= '0' && ch <= '9') || (ch == '-' && label > 0)) {
            if (++label > 63)
                return false;
        } else if ((unsigned char)ch >= 0x80) {
            label++;        /* internationalized domain names are allowed as UTF-8 */
        } else {
            return false;
        }
    }
    return dot && label > 0 && at[dlen] != '-';
}
