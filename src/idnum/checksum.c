/* Check characters: ISO 7064 MOD 11-2 (GB 11643) and ICAO 9303 7-3-1 (old PR cards). */
#include "idnum.h"

#define D(c) [(c)] = (uint8_t)((c) - '0' + 1)
const uint8_t idnum_digit1[256] = {
    D('0'), D('1'), D('2'), D('3'), D('4'), D('5'), D('6'), D('7'), D('8'), D('9'),
};
#undef D

/* 2^(18-i) mod 11 for positions i = 1..17. */
const uint8_t idnum_weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

/* r = S mod 11 -> check character (12 - r) mod 11, 10 written as X. */
const char idnum_check_of_rem[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

char
idnum_mod11_2(const char *digits17)
{
    unsigned sum = 0;

    for (int i = 0; i < 17; i++)
        sum += (unsigned)(digits17[i] - '0') * idnum_weights[i];
    return idnum_check_of_rem[sum % 11];
}

int
idnum_icao_check(const char *s, size_t n)
{
    static const unsigned weights[3] = {7, 3, 1};
    unsigned sum = 0;

    for (size_t i = 0; i < n; i++) {
        unsigned v;
        if (s[i] >= '0' && s[i] <= '9')
            v = (unsigned)(s[i] - '0');
        else if (s[i] >= 'A' && s[i] <= 'Z')
            v = (unsigned)(s[i] - 'A') + 10;
        else
            return -1;
        sum += v * weights[i % 3];
    }
    return (int)(sum % 10);
}
