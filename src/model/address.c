/* The home address: starts with a real province-level division, levels in order. */
#include <string.h>

#include "address.h"
#include "validate.h"

/* GB/T 2260 province-level divisions; tests/model/test_address.c checks these names
 * against the code layer's region table, so a drift fails the build's tests. */
const struct model_province model_provinces[MODEL_PROVINCE_COUNT] = {
    {"110000", "北京市", "北京"}, {"120000", "天津市", "天津"},
    {"130000", "河北省", "河北"}, {"140000", "山西省", "山西"},
    {"150000", "内蒙古自治区", "内蒙古"}, {"210000", "辽宁省", "辽宁"},
    {"220000", "吉林省", "吉林"}, {"230000", "黑龙江省", "黑龙江"},
    {"310000", "上海市", "上海"}, {"320000", "江苏省", "江苏"},
    {"330000", "浙江省", "浙江"}, {"340000", "安徽省", "安徽"},
    {"350000", "福建省", "福建"}, {"360000", "江西省", "江西"},
    {"370000", "山东省", "山东"}, {"410000", "河南省", "河南"},
    {"420000", "湖北省", "湖北"}, {"430000", "湖南省", "湖南"},
    {"440000", "广东省", "广东"}, {"450000", "广西壮族自治区", "广西"},
    {"460000", "海南省", "海南"}, {"500000", "重庆市", "重庆"},
    {"510000", "四川省", "四川"}, {"520000", "贵州省", "贵州"},
    {"530000", "云南省", "云南"}, {"540000", "西藏自治区", "西藏"},
    {"610000", "陕西省", "陕西"}, {"620000", "甘肃省", "甘肃"},
    {"630000", "青海省", "青海"}, {"640000", "宁夏回族自治区", "宁夏"},
    {"650000", "新疆维吾尔自治区", "新疆"}, {"710000", "台湾省", "台湾"},
    {"810000", "香港特别行政区", "香港"}, {"820000", "澳门特别行政区", "澳门"},
};

size_t
model_address_province(const char *s, size_t len)
{
    for (size_t i = 0; i < MODEL_PROVINCE_COUNT; i++) {
        const struct model_province *p = &model_provinces[i];
        size_t n = strlen(p->short_name), full;

        /* Every short name is two or three Han characters: compare those bytes first. */
        if (len < n || memcmp(s, p->short_name, n) != 0)
            continue;
        full = strlen(p->name);
        if (len >= full && memcmp(s, p->name, full) == 0)
            return full;
        return n;
    }
    return 0;
}

/* Level (1-5) of the address keyword starting at s[0..avail), and its length; 0 if none.
 * 1 市州盟  2 区县旗  3 乡镇街道  4 村社区路街  5 号室栋 */
static int
keyword(const unsigned char *s, size_t avail, size_t *klen)
{
    static const struct { unsigned char b[6]; uint8_t n, level; } words[] = {
        {{0xe5, 0xb8, 0x82}, 3, 1}, {{0xe5, 0xb7, 0x9e}, 3, 1}, {{0xe7, 0x9b, 0x9f}, 3, 1},
        {{0xe5, 0x8c, 0xba}, 3, 2}, {{0xe5, 0x8e, 0xbf}, 3, 2}, {{0xe6, 0x97, 0x97}, 3, 2},
        {{0xe4, 0xb9, 0xa1}, 3, 3}, {{0xe9, 0x95, 0x87}, 3, 3},
        {{0xe8, 0xa1, 0x97, 0xe9, 0x81, 0x93}, 6, 3},
        {{0xe6, 0x9d, 0x91}, 3, 4}, {{0xe7, 0xa4, 0xbe, 0xe5, 0x8c, 0xba}, 6, 4},
        {{0xe8, 0xb7, 0xaf}, 3, 4}, {{0xe8, 0xa1, 0x97}, 3, 4},
        {{0xe5, 0x8f, 0xb7}, 3, 5}, {{0xe5, 0xae, 0xa4}, 3, 5}, {{0xe6, 0xa0, 0x8b}, 3, 5},
    };

    if (avail < 3)
        return 0;
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        if (words[i].n <= avail && s[0] == words[i].b[0] && s[1] == words[i].b[1]
            && s[2] == words[i].b[2] && memcmp(s, words[i].b, words[i].n) == 0) {
            *klen = words[i].n;
            return words[i].level;
        }
    }
    return 0;
}

bool
model_address_in_order(const char *s, size_t len, size_t skip)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t first[6];
    size_t i = skip;

    for (int l = 0; l < 6; l++)
        first[l] = SIZE_MAX;
    /* One pass: the first position of each level. */
    while (i < len) {
        size_t klen = 0;
        int level = u[i] >= 0xe0 ? keyword(u + i, len - i, &klen) : 0;

        if (level > 0) {
            if (first[level] == SIZE_MAX)
                first[level] = i;
            i += klen;
        } else {
            i++;
        }
    }
    /* The levels present must appear in increasing order of their first keyword. */
    size_t prev = 0;
    bool any = false;

    for (int l = 1; l < 6; l++) {
        if (first[l] == SIZE_MAX)
            continue;
        if (any && first[l] < prev)
            return false;
        prev = first[l];
        any = true;
    }
    return true;
}

void
model_check_address(struct model_check *c)
{
    size_t len, skip;
    const char *s = model_get(c->st, STUINFO_FIELD_HOME_ADDRESS, &len);

    if (s == NULL)
        return;
    skip = model_address_province(s, len);
    if (skip == 0)
        model_check_add(c, RULE_STUDENT_ADDRESS_REGION, "home_address", NULL);
    else if (!model_address_in_order(s, len, skip))
        model_check_add(c, RULE_STUDENT_ADDRESS_ORDER, "home_address", NULL);
}
