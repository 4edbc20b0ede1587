/* Inputs of the vector-driven C tests: the Rust drivers send texts hex-encoded ("-" for
 * empty) so that any byte survives the line format. Included once by each test that reads
 * such lines (one translation unit); the functions are static inline so that a test may use
 * either form. */
#ifndef LIVESIGN_TEST_TEXT_H
#define LIVESIGN_TEST_TEXT_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define LEN(s) (sizeof(s) - 1)
#define U8(s) ((const uint8_t *)(s))

/* Decodes hex into out (at most cap bytes) and returns the length; "-" is empty. */
static inline size_t unhex_into(const char *hex, uint8_t *out, size_t cap) {
    size_t n = 0;
    if (strcmp(hex, "-") == 0) return 0;
    while (hex[0] && hex[1] && n < cap) {
        unsigned v;
        if (sscanf(hex, "%2x", &v) != 1) break;
        out[n++] = (uint8_t)v;
        hex += 2;
    }
    return n;
}

typedef struct {
    uint8_t b[1024];
    size_t n;
} text;

static inline text unhex(const char *hex) {
    text t;
    t.n = unhex_into(hex, t.b, sizeof t.b);
    return t;
}

#endif
