/* The check counter every C test shares: CHECK(cond, what) counts a check and reports a
 * failure on stderr with its line; each test prints "... N checks, M failures" at the end and
 * exits non-zero when M > 0. Included once by each tests/c/<name>.c (one translation unit). */
#ifndef LIVESIGN_TEST_CHECK_H
#define LIVESIGN_TEST_CHECK_H

#include <stdio.h>

static int checks, failures;

#define CHECK(cond, what)                                                      \
    do {                                                                       \
        checks++;                                                              \
        if (!(cond)) {                                                         \
            failures++;                                                        \
            fprintf(stderr, "FAIL line %d: %s (%s)\n", __LINE__, what, #cond); \
        }                                                                      \
    } while (0)

#endif
