/* Scanning produced text for unmasked ID numbers (see pii_scan.h). */
#include "pii_scan.h"

static bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool
pii_scan_is_valid_id18(const char *id)
{
    static const int weight[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char check[11] = "10X98765432";
    int sum = 0;

    for (int i = 0; i < 17; i++) {
        if (!is_digit(id[i]))
            return false;
        sum += (id[i] - '0') * weight[i];
    }
    char c = id[17] == 'x' ? 'X' : id[17];
    return c == check[sum % 11];
}

const char *
pii_scan_find_id(const char *text, size_t len)
{
    if (text == NULL)
        return NULL;
    for (size_t i = 0; i + 18 <= len; i++) {
        if (i > 0 && is_digit(text[i - 1]))
            continue;
        if (i + 18 < len && (is_digit(text[i + 18]) || text[i + 18] == 'X'
                             || text[i + 18] == 'x'))
            continue;
        if (pii_scan_is_valid_id18(text + i))
            return text + i;
    }
    return NULL;
}
