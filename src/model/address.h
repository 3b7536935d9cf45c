/* Addresses: the province an address starts with and the order of its levels. */
#ifndef MODEL_ADDRESS_H
#define MODEL_ADDRESS_H

#include <stdbool.h>
#include <stddef.h>

#define MODEL_PROVINCE_COUNT 34

struct model_province {
    const char *code;           /* GB/T 2260, XX0000 */
    const char *name;           /* full name, as the region table has it */
    const char *short_name;     /* as addresses often start: 广西, 内蒙古 */
};

extern const struct model_province model_provinces[MODEL_PROVINCE_COUNT];

/* Bytes of the province name (full or short) @p s starts with; 0 if none. */
size_t model_address_province(const char *s, size_t len);

/* True if the level keywords after byte @p skip (市 区 镇 村 号 ...) come in order. */
bool model_address_in_order(const char *s, size_t len, size_t skip);

#endif /* MODEL_ADDRESS_H */
