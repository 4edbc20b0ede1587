/* C test of the Tencent t + sign API and the common contract, compiled against
 * include/livesign.h and the static library by tests/c_api.rs.
 *
 * stdin: one vector per line, from tests/vectors/tencent_sign.json:
 *   <key hex or -> <t> sign <32 hex>      the expected sign
 *   <key hex or -> <t> status <number>    the status signing and verifying must return
 * argv[1]: the crate version livesign_version() must report. */
#include "livesign.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#include "text.h"

static void check_vector(const char *key_hex, uint64_t t, const char *kind, const char *expected) {
    uint8_t key[512];
    uint8_t out[LIVESIGN_TENCENT_SIGN_LEN];
    size_t key_len = unhex_into(key_hex, key, sizeof key);
    const uint8_t *key_ptr = key_len ? key : NULL;

    livesign_status st = livesign_tencent_sign(key_ptr, key_len, t, out);
    if (strcmp(kind, "sign") == 0) {
        uint8_t forged[LIVESIGN_TENCENT_SIGN_LEN];
        CHECK(st == LIVESIGN_OK, expected);
        CHECK(memcmp(out, expected, LIVESIGN_TENCENT_SIGN_LEN) == 0, expected);
        CHECK(livesign_tencent_verify(key_ptr, key_len, t, (const uint8_t *)expected, 32, t, 0) == LIVESIGN_OK,
              expected);
        if (t != UINT64_MAX) {
            CHECK(livesign_tencent_verify(key_ptr, key_len, t, (const uint8_t *)expected, 32, t + 1, 0) ==
                      LIVESIGN_EXPIRED,
                  expected);
            CHECK(livesign_tencent_verify(key_ptr, key_len, t, (const uint8_t *)expected, 32, t + 1, 1) ==
                      LIVESIGN_OK,
                  expected);
        }
        memcpy(forged, expected, sizeof forged);
        forged[7] = forged[7] == '0' ? '1' : '0';
        CHECK(livesign_tencent_verify(key_ptr, key_len, t, forged, 32, 0, 0) == LIVESIGN_SIGNATURE_MISMATCH,
              expected);
        if (t != UINT64_MAX) {
            CHECK(livesign_tencent_verify(key_ptr, key_len, t + 1, (const uint8_t *)expected, 32, 0, 0) ==
                      LIVESIGN_SIGNATURE_MISMATCH,
                  expected);
        }
    } else {
        livesign_status want = (livesign_status)strtoul(expected, NULL, 10);
        CHECK(st == want, "status vector: sign");
        CHECK(livesign_tencent_verify(key_ptr, key_len, t, (const uint8_t *)"b17971b51ba0fe5916ddcd96692e9fb3", 32,
                                      t, 0) == want,
              "status vector: verify");
    }
}

static void check_contract(const char *version) {
    static const uint8_t key[] = "5d41402abc4b2a76b9719d911017c592";
    static const uint8_t good[] = "b17971b51ba0fe5916ddcd96692e9fb3";
    const uint64_t t = 1471850187u;
    uint8_t out[LIVESIGN_TENCENT_SIGN_LEN];
    uint32_t s;

    CHECK(livesign_abi_version() == LIVESIGN_ABI_VERSION, "abi version");
    CHECK(strcmp(livesign_version(), version) == 0, "version");
    CHECK(livesign_tencent_sign_len() == LIVESIGN_TENCENT_SIGN_LEN, "sign len");
    CHECK(strcmp(livesign_status_str(LIVESIGN_SIGNATURE_MISMATCH), "sign invalid") == 0, "sign invalid");
    CHECK(strcmp(livesign_status_str(LIVESIGN_EXPIRED), "time expired") == 0, "time expired");
    CHECK(strcmp(livesign_status_str(LIVESIGN_OK), "ok") == 0, "ok");
    for (s = 0; s < 300; s++) {
        const char *m = livesign_status_str(s);
        CHECK(m != NULL && m[0] != '\0', "status text");
        if ((s > LIVESIGN_IDENTITY_MISMATCH && s != LIVESIGN_INTERNAL)) {
            CHECK(strcmp(m, "unknown status") == 0, "unknown status text");
        }
    }
    CHECK(strcmp(livesign_status_str(UINT32_MAX), "unknown status") == 0, "unknown status text");
    CHECK(LIVESIGN_OK == 0 && LIVESIGN_INVALID_ARGUMENT == 1 && LIVESIGN_BUFFER_TOO_SMALL == 2 &&
              LIVESIGN_SIGNATURE_MISMATCH == 3 && LIVESIGN_EXPIRED == 4 && LIVESIGN_MALFORMED == 5 &&
              LIVESIGN_INVALID_KEY == 6 && LIVESIGN_IDENTITY_MISMATCH == 7 && LIVESIGN_INTERNAL == 255,
          "status numbers");

    /* Pointer rules. */
    memset(out, '#', sizeof out);
    CHECK(livesign_tencent_sign(NULL, 32, t, out) == LIVESIGN_INVALID_ARGUMENT, "NULL key with length");
    CHECK(livesign_tencent_sign(NULL, 0, t, out) == LIVESIGN_INVALID_KEY, "NULL key, length 0: empty key");
    CHECK(livesign_tencent_sign(key, 32, t, NULL) == LIVESIGN_INVALID_ARGUMENT, "NULL out");
    CHECK(out[0] == '#' && out[31] == '#', "out untouched on failure");
    CHECK(livesign_tencent_verify(key, 32, t, NULL, 32, t, 0) == LIVESIGN_INVALID_ARGUMENT, "NULL sign");
    CHECK(livesign_tencent_verify(key, 32, t, NULL, 0, t, 0) == LIVESIGN_MALFORMED, "empty sign");
    CHECK(livesign_tencent_verify(NULL, 9, t, good, 32, t, 0) == LIVESIGN_INVALID_ARGUMENT, "NULL key");

    /* The seed 003 story: valid a minute before t, forged, expired. */
    CHECK(livesign_tencent_sign(key, 32, t, out) == LIVESIGN_OK, "seed sign");
    CHECK(memcmp(out, good, 32) == 0, "seed 003 sign");
    CHECK(livesign_tencent_verify(key, 32, t, good, 32, t - 60, 0) == LIVESIGN_OK, "good");
    CHECK(livesign_tencent_verify(key, 32, t, (const uint8_t *)"b17971b51ba0fe5916ddcd96692e9fb4", 32, t + 99, 0) ==
              LIVESIGN_SIGNATURE_MISMATCH,
          "forged and late: sign invalid");
    CHECK(livesign_tencent_verify(key, 32, t, good, 32, t + 61, 60) == LIVESIGN_EXPIRED, "expired");
    CHECK(livesign_tencent_verify(key, 32, UINT64_MAX - 1, good, 32, UINT64_MAX, UINT32_MAX) ==
              LIVESIGN_SIGNATURE_MISMATCH,
          "extreme t");
}

int main(int argc, char **argv) {
    char line[1024];
    int vectors = 0;
    if (argc != 2) {
        fprintf(stderr, "usage: %s <expected version> < vectors\n", argv[0]);
        return 2;
    }
    check_contract(argv[1]);
    while (fgets(line, sizeof line, stdin)) {
        char key_hex[1024], kind[16], expected[128];
        unsigned long long t;
        if (sscanf(line, "%1023s %llu %15s %127s", key_hex, &t, kind, expected) != 4) {
            fprintf(stderr, "bad input line: %s", line);
            return 2;
        }
        check_vector(key_hex, (uint64_t)t, kind, expected);
        vectors++;
    }
    printf("C tencent_sign: %d vectors, %d checks, %d failures\n", vectors, checks, failures);
    return failures == 0 && vectors > 0 ? 0 : 1;
}
