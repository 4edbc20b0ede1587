/* C test of the key context's secret hygiene, compiled against include/livesign.h by
 * tests/c_contract.rs: a loaded context holds no copy of the key, livesign_hmac_key_wipe
 * leaves every byte of it zero (observed byte by byte from C), a failed init leaves it wiped,
 * and a wiped context is refused.
 *
 * stdin: one key per line, as hex. */
#include "livesign.h"

#include "check.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t nonzero_bytes(const livesign_hmac_key *ctx) {
    const unsigned char *b = (const unsigned char *)ctx;
    size_t i, n = 0;
    for (i = 0; i < sizeof *ctx; i++) n += b[i] != 0;
    return n;
}

/* Whether the context's bytes contain `needle` anywhere. */
static int contains(const livesign_hmac_key *ctx, const uint8_t *needle, size_t len) {
    const unsigned char *b = (const unsigned char *)ctx;
    size_t i;
    if (len == 0 || len > sizeof *ctx) return 0;
    for (i = 0; i + len <= sizeof *ctx; i++)
        if (memcmp(b + i, needle, len) == 0) return 1;
    return 0;
}

static void check_key(const uint8_t *key, size_t key_len) {
    static const uint8_t body[] = "{}";
    uint8_t sign[LIVESIGN_TRTC_CALLBACK_SIGN_LEN];
    uint8_t expected[LIVESIGN_TRTC_CALLBACK_SIGN_LEN];
    /* On the heap, so valgrind and ASan watch every byte of it too. */
    livesign_hmac_key *ctx = malloc(sizeof *ctx);
    livesign_hmac_key copy;
    CHECK(ctx != NULL, "malloc");
    if (ctx == NULL) return;

    CHECK(livesign_hmac_key_init(ctx, key, key_len) == LIVESIGN_OK, "init");
    CHECK(nonzero_bytes(ctx) > 32, "a loaded context holds key states");
    CHECK(key_len < 8 || !contains(ctx, key, 8), "the context keeps no copy of the key");
    if (key_len <= LIVESIGN_TRTC_CALLBACK_KEY_MAX_LEN) {
        CHECK(livesign_trtc_callback_sign(key, key_len, body, 2, expected) ==
                  (livesign_trtc_callback_key_check(key, key_len) == LIVESIGN_OK ? LIVESIGN_OK
                                                                                 : LIVESIGN_INVALID_KEY),
              "raw sign");
        CHECK(livesign_trtc_callback_sign_keyed(ctx, body, 2, sign) == LIVESIGN_OK, "keyed sign");
    }

    /* A copy is a second secret: each must be wiped on its own. */
    copy = *ctx;
    livesign_hmac_key_wipe(ctx);
    CHECK(nonzero_bytes(ctx) == 0, "wipe leaves every byte zero");
    CHECK(nonzero_bytes(&copy) > 32, "wiping one context leaves its copy alone");
    CHECK(livesign_trtc_callback_sign_keyed(ctx, body, 2, sign) == LIVESIGN_INVALID_ARGUMENT, "wiped is refused");
    CHECK(livesign_trtc_callback_verify_keyed(ctx, body, 2, expected, sizeof expected) == LIVESIGN_INVALID_ARGUMENT,
          "wiped is refused");
    livesign_hmac_key_wipe(&copy);
    CHECK(nonzero_bytes(&copy) == 0, "the copy wiped too");

    /* A failed init wipes what was there before. */
    CHECK(livesign_hmac_key_init(ctx, key, key_len) == LIVESIGN_OK, "init again");
    CHECK(livesign_hmac_key_init(ctx, NULL, 1) == LIVESIGN_INVALID_ARGUMENT, "NULL key with a length");
    CHECK(nonzero_bytes(ctx) == 0, "a failed init leaves no byte of the old key");
    CHECK(livesign_hmac_key_init(ctx, key, key_len) == LIVESIGN_OK, "init again");
    CHECK(livesign_hmac_key_init(ctx, key, 0) == LIVESIGN_INVALID_KEY, "empty key");
    CHECK(nonzero_bytes(ctx) == 0, "a failed init leaves no byte of the old key");
    free(ctx);
}

int main(void) {
    char line[1024];
    int keys = 0;
    while (fgets(line, sizeof line, stdin)) {
        uint8_t key[512];
        size_t n = unhex_into(line, key, sizeof key);
        if (n == 0) continue;
        check_key(key, n);
        keys++;
    }
    printf("C hmac_key: %d keys, %d checks, %d failures\n", keys, checks, failures);
    return failures == 0 && keys > 0 ? 0 : 1;
}
