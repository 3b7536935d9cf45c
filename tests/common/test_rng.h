/*
 * The generator of the tests that make their inputs: xorshift64 (Marsaglia, 2003) from a
 * fixed seed, so every machine and every run makes the same inputs and a failure can be
 * replayed. Not for anything but test inputs.
 */
#ifndef TESTS_TEST_RNG_H
#define TESTS_TEST_RNG_H

#include <stdint.h>

/* A generator's state; start it at a non-zero seed: static test_rng rng = {SEED}; */
typedef struct test_rng {
    uint64_t state;
} test_rng;

/* The next number below @p n (n > 0), advancing @p rng. */
static inline uint32_t
test_rnd(test_rng *rng, uint32_t n)
{
    rng->state ^= rng->state << 13;
    rng->state ^= rng->state >> 7;
    rng->state ^= rng->state << 17;
    return (uint32_t)(rng->state % n);
}

#endif /* TESTS_TEST_RNG_H */
