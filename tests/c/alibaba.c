/* C test of the Alibaba Cloud ApsaraVideo Live API (URL signing type A, callback
 * signatures), compiled against include/livesign.h and the static library by
 * tests/c_alibaba.rs.
 *
 * stdin: one vector per line from tests/vectors/others.json (texts hex-encoded, "-" empty):
 *   url_a <key> <uri> <timestamp> <rand> <uid> <query>
 *   callback <key> <domain> <timestamp> <signature> */
#include "livesign.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#include "text.h"

static void check_url_a(char **f) {
    text key = unhex(f[0]), uri = unhex(f[1]), rand = unhex(f[3]), uid = unhex(f[4]);
    uint64_t t = strtoull(f[2], NULL, 10);
    const char *query = f[5];
    uint8_t out[LIVESIGN_ALIBABA_URL_A_MAX_LEN];
    char url[512];
    size_t len = 0, matched = 99;
    livesign_slice ring[2];
    int n;

    CHECK(livesign_alibaba_url_a_build(key.b, key.n, uri.b, uri.n, t, rand.b, rand.n, uid.b, uid.n, NULL, 0, &len) ==
                  LIVESIGN_BUFFER_TOO_SMALL &&
              len == strlen(query),
          "size query");
    CHECK(livesign_alibaba_url_a_build(key.b, key.n, uri.b, uri.n, t, rand.b, rand.n, uid.b, uid.n, out, sizeof out,
                                       &len) == LIVESIGN_OK,
          "build");
    CHECK(len == strlen(query) && memcmp(out, query, len) == 0, query);
    n = snprintf(url, sizeof url, "rtmp://push.aliyundoc.com%.*s?%s", (int)uri.n, (const char *)uri.b, query);
    ring[0].ptr = U8("secondary");
    ring[0].len = 9;
    ring[1].ptr = key.b;
    ring[1].len = key.n;
    CHECK(livesign_alibaba_url_a_verify(ring, 2, U8(url), (size_t)n, t + 1800, 1800, 0, &matched) == LIVESIGN_OK &&
              matched == 1,
          "verify with the secondary key first");
    CHECK(livesign_alibaba_url_a_verify(ring + 1, 1, U8(url), (size_t)n, t + 1801, 1800, 0, NULL) == LIVESIGN_EXPIRED,
          "expired");
    CHECK(livesign_alibaba_url_a_verify(ring, 1, U8(url), (size_t)n, t, 1800, 0, NULL) == LIVESIGN_SIGNATURE_MISMATCH,
          "other key");
}

static void check_callback(char **f) {
    text key = unhex(f[0]), domain = unhex(f[1]);
    const char *ts = f[2], *sig = f[3];
    uint64_t t = strtoull(ts, NULL, 10);
    uint8_t out[LIVESIGN_ALIBABA_SIGN_LEN];

    CHECK(livesign_alibaba_callback_sign(key.b, key.n, domain.b, domain.n, t, out) == LIVESIGN_OK, "sign");
    CHECK(memcmp(out, sig, sizeof out) == 0, sig);
    CHECK(livesign_alibaba_callback_verify(key.b, key.n, domain.b, domain.n, U8(ts), strlen(ts), U8(sig), strlen(sig),
                                           t + 300, LIVESIGN_ALIBABA_DEFAULT_LEEWAY_S) == LIVESIGN_OK,
          "verify");
    CHECK(livesign_alibaba_callback_verify(key.b, key.n, domain.b, domain.n, U8(ts), strlen(ts), U8(sig), strlen(sig),
                                           t - 301, 300) == LIVESIGN_EXPIRED,
          "too far ahead");
    CHECK(livesign_alibaba_callback_verify(key.b, key.n, domain.b, domain.n - 1, U8(ts), strlen(ts), U8(sig),
                                           strlen(sig), t, 0) == LIVESIGN_SIGNATURE_MISMATCH,
          "other domain");
}

static void check_contract(void) {
    uint8_t out[LIVESIGN_ALIBABA_URL_A_MAX_LEN];
    size_t len = 9;
    livesign_slice ring[1];

    CHECK(livesign_alibaba_sign_len() == LIVESIGN_ALIBABA_SIGN_LEN && LIVESIGN_ALIBABA_SIGN_LEN == 32, "sign len");
    memset(out, '#', sizeof out);
    CHECK(livesign_alibaba_callback_sign(NULL, 0, U8("d"), 1, 1, out) == LIVESIGN_INVALID_KEY, "empty key");
    CHECK(livesign_alibaba_callback_sign(U8("k"), 1, U8("d"), 1, 1, NULL) == LIVESIGN_INVALID_ARGUMENT, "NULL out");
    CHECK(livesign_alibaba_callback_sign(U8("k"), 1, NULL, 1, 1, out) == LIVESIGN_INVALID_ARGUMENT, "NULL domain");
    CHECK(out[0] == '#', "out untouched on failure");
    CHECK(livesign_alibaba_callback_verify(U8("k"), 1, U8("d"), 1, U8("01"), 2, U8("0"), 1, 1, 0) == LIVESIGN_MALFORMED,
          "leading zero");
    CHECK(livesign_alibaba_callback_verify(U8("k"), 1, U8("d"), 1, U8("\xff"), 1, U8("0"), 1, 1, 0) ==
              LIVESIGN_INVALID_ARGUMENT,
          "timestamp not UTF-8");
    CHECK(livesign_alibaba_url_a_build(U8("k"), 1, U8("app"), 3, 1, U8("0"), 1, U8("0"), 1, out, sizeof out, &len) ==
                  LIVESIGN_INVALID_ARGUMENT &&
              len == 0,
          "uri without /");
    CHECK(livesign_alibaba_url_a_build(NULL, 0, U8("/a"), 2, 1, U8("0"), 1, U8("0"), 1, out, sizeof out, &len) ==
              LIVESIGN_INVALID_KEY,
          "empty key");
    CHECK(livesign_alibaba_url_a_build(U8("k"), 1, U8("/a"), 2, 1, U8("0"), 1, U8("0"), 1, out, 3, &len) ==
                  LIVESIGN_BUFFER_TOO_SMALL &&
              len == LEN("auth_key=1-0-0-") + 32,
          "small buffer");
    ring[0].ptr = NULL;
    ring[0].len = 0;
    CHECK(livesign_alibaba_url_a_verify(ring, 1, U8("/a?auth_key=1-0-0-x"), 19, 1, 1, 0, NULL) == LIVESIGN_INVALID_KEY,
          "empty key in ring");
    CHECK(livesign_alibaba_url_a_verify(NULL, 1, U8("/a"), 2, 1, 1, 0, NULL) == LIVESIGN_INVALID_ARGUMENT, "NULL ring");
}

int main(void) {
    char line[4096];
    int vectors = 0;
    check_contract();
    while (fgets(line, sizeof line, stdin)) {
        char *f[8];
        int n = 0;
        char *tok = strtok(line, " \n");
        while (tok && n < 8) {
            f[n++] = tok;
            tok = strtok(NULL, " \n");
        }
        if (n == 0) continue;
        if (strcmp(f[0], "url_a") == 0 && n == 7) {
            check_url_a(f + 1);
        } else if (strcmp(f[0], "callback") == 0 && n == 5) {
            check_callback(f + 1);
        } else {
            fprintf(stderr, "bad input line: %s (%d fields)\n", f[0], n);
            return 2;
        }
        vectors++;
    }
    printf("C alibaba: %d vectors, %d checks, %d failures\n", vectors, checks, failures);
    return failures == 0 && vectors > 0 ? 0 : 1;
}
