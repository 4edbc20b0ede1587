/* C test of the TRTC event callback API, compiled against include/livesign.h and the static
 * library by tests/c_trtc_rest.rs.
 *
 * stdin: one vector per line, from tests/vectors/others.json (tencent.trtc.callback):
 *   <key> <body as hex> <expected Sign> */
#include "livesign.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#include "text.h"

static const uint8_t *u8(const char *s) { return (const uint8_t *)s; }

static void check_vector(const char *key, const uint8_t *body, size_t body_len, const char *expected) {
    size_t key_len = strlen(key);
    uint8_t out[LIVESIGN_TRTC_CALLBACK_SIGN_LEN];
    uint8_t tampered[4096];
    char forged[LIVESIGN_TRTC_CALLBACK_SIGN_LEN + 1];
    livesign_hmac_key ctx, keyed[3];
    livesign_slice ring[3];
    size_t matched = 99;
    uint64_t ts = 0;

    CHECK(strlen(expected) == LIVESIGN_TRTC_CALLBACK_SIGN_LEN, "vector sign length");
    CHECK(livesign_trtc_callback_key_check(u8(key), key_len) == LIVESIGN_OK, "vector key is valid");

    /* Sign, raw and keyed. */
    CHECK(livesign_trtc_callback_sign(u8(key), key_len, body, body_len, out) == LIVESIGN_OK, "sign");
    CHECK(memcmp(out, expected, LIVESIGN_TRTC_CALLBACK_SIGN_LEN) == 0, "sign matches the vector");
    CHECK(livesign_hmac_key_init(&ctx, u8(key), key_len) == LIVESIGN_OK, "load key");
    memset(out, 0, sizeof out);
    CHECK(livesign_trtc_callback_sign_keyed(&ctx, body, body_len, out) == LIVESIGN_OK, "sign keyed");
    CHECK(memcmp(out, expected, LIVESIGN_TRTC_CALLBACK_SIGN_LEN) == 0, "keyed sign matches the vector");

    /* Verify, raw, keyed and with a ring. */
    CHECK(livesign_trtc_callback_verify(u8(key), key_len, body, body_len, u8(expected), strlen(expected)) ==
              LIVESIGN_OK,
          "verify");
    CHECK(livesign_trtc_callback_verify_keyed(&ctx, body, body_len, u8(expected), strlen(expected)) == LIVESIGN_OK,
          "verify keyed");
    ring[0].ptr = u8("oldKey1");
    ring[0].len = 7;
    ring[1].ptr = u8("oldKey2");
    ring[1].len = 7;
    ring[2].ptr = u8(key);
    ring[2].len = key_len;
    CHECK(livesign_trtc_callback_verify_ring(ring, 3, body, body_len, u8(expected), strlen(expected), &matched) ==
              LIVESIGN_OK,
          "verify ring");
    CHECK(matched == 2, "ring reports the matching key");
    matched = 99;
    CHECK(livesign_trtc_callback_verify_ring(ring, 2, body, body_len, u8(expected), strlen(expected), &matched) ==
              LIVESIGN_SIGNATURE_MISMATCH,
          "ring without the key");
    CHECK(matched == 99, "matched untouched on failure");
    CHECK(livesign_trtc_callback_verify_ring(ring, 3, body, body_len, u8(expected), strlen(expected), NULL) ==
              LIVESIGN_OK,
          "matched is nullable");
    /* The same ring loaded once into contexts. */
    CHECK(livesign_hmac_key_init(&keyed[0], ring[0].ptr, ring[0].len) == LIVESIGN_OK, "load old key 1");
    CHECK(livesign_hmac_key_init(&keyed[1], ring[1].ptr, ring[1].len) == LIVESIGN_OK, "load old key 2");
    keyed[2] = ctx;
    matched = 99;
    CHECK(livesign_trtc_callback_verify_ring_keyed(keyed, 3, body, body_len, u8(expected), strlen(expected),
                                                   &matched) == LIVESIGN_OK,
          "verify keyed ring");
    CHECK(matched == 2, "keyed ring reports the matching key");
    matched = 99;
    CHECK(livesign_trtc_callback_verify_ring_keyed(keyed, 2, body, body_len, u8(expected), strlen(expected),
                                                   &matched) == LIVESIGN_SIGNATURE_MISMATCH,
          "keyed ring without the key");
    CHECK(matched == 99, "matched untouched on failure");
    livesign_hmac_key_wipe(&keyed[0]);
    livesign_hmac_key_wipe(&keyed[1]);

    /* Tampered body: every position of a short stretch, and the end. */
    if (body_len <= sizeof tampered) {
        size_t i;
        for (i = 0; i < body_len; i += 7) {
            memcpy(tampered, body, body_len);
            tampered[i] ^= 0x01;
            CHECK(livesign_trtc_callback_verify(u8(key), key_len, tampered, body_len, u8(expected),
                                                strlen(expected)) == LIVESIGN_SIGNATURE_MISMATCH,
                  "tampered body");
        }
        CHECK(livesign_trtc_callback_verify(u8(key), key_len, body, body_len - 1, u8(expected), strlen(expected)) ==
                  LIVESIGN_SIGNATURE_MISMATCH,
              "truncated body");
    }

    /* Tampered and malformed signs. */
    memcpy(forged, expected, sizeof forged);
    forged[5] = forged[5] == 'A' ? 'B' : 'A';
    CHECK(livesign_trtc_callback_verify(u8(key), key_len, body, body_len, u8(forged), strlen(forged)) ==
              LIVESIGN_SIGNATURE_MISMATCH,
          "forged sign");
    CHECK(livesign_trtc_callback_verify_keyed(&ctx, body, body_len, u8(forged), strlen(forged)) ==
              LIVESIGN_SIGNATURE_MISMATCH,
          "forged sign keyed");
    CHECK(livesign_trtc_callback_verify(u8(key), key_len, body, body_len, u8(expected), strlen(expected) - 1) ==
              LIVESIGN_MALFORMED,
          "sign without padding");
    CHECK(livesign_trtc_callback_verify(u8(key), key_len, body, body_len, u8("not base64!"), 11) == LIVESIGN_MALFORMED,
          "bad base64");
    CHECK(livesign_trtc_callback_verify_ring(ring, 3, body, body_len, u8("AAAA"), 4, NULL) == LIVESIGN_MALFORMED,
          "ring: short sign");

    /* Wrong keys and key rules. */
    CHECK(livesign_trtc_callback_verify(u8("123655"), 6, body, body_len, u8(expected), strlen(expected)) ==
              LIVESIGN_SIGNATURE_MISMATCH,
          "wrong key");
    CHECK(livesign_trtc_callback_verify(u8("12_654"), 6, body, body_len, u8(expected), strlen(expected)) ==
              LIVESIGN_INVALID_KEY,
          "key with _");
    CHECK(livesign_trtc_callback_verify(u8("123456789012345678901234567890123"), 33, body, body_len, u8(expected),
                                        strlen(expected)) == LIVESIGN_INVALID_KEY,
          "33-character key");
    CHECK(livesign_trtc_callback_verify(NULL, 0, body, body_len, u8(expected), strlen(expected)) ==
              LIVESIGN_INVALID_KEY,
          "empty key");
    CHECK(livesign_trtc_callback_sign(u8("12 654"), 6, body, body_len, out) == LIVESIGN_INVALID_KEY, "sign: bad key");
    CHECK(livesign_trtc_callback_key_check(u8("12345678901234567890123456789012"), 32) == LIVESIGN_OK, "32 ok");
    CHECK(livesign_trtc_callback_key_check(u8("123456789012345678901234567890123"), 33) == LIVESIGN_INVALID_KEY,
          "33 refused");
    CHECK(livesign_trtc_callback_key_check(u8("a-b"), 3) == LIVESIGN_INVALID_KEY, "- refused");
    CHECK(livesign_trtc_callback_key_check(NULL, 0) == LIVESIGN_INVALID_KEY, "empty refused");
    CHECK(livesign_trtc_callback_key_check(NULL, 1) == LIVESIGN_INVALID_ARGUMENT, "NULL key with length");
    CHECK(livesign_hmac_key_init(&ctx, u8("123456789012345678901234567890123"), 33) == LIVESIGN_OK, "load long key");
    CHECK(livesign_trtc_callback_verify_keyed(&ctx, body, body_len, u8(expected), strlen(expected)) ==
              LIVESIGN_INVALID_KEY,
          "keyed: long key");
    CHECK(livesign_trtc_callback_sign_keyed(&ctx, body, body_len, out) == LIVESIGN_INVALID_KEY, "keyed sign: long key");
    {
        /* An over-long body is refused before the loaded key's length is looked at. */
        size_t big_len = livesign_max_body_len() + 1;
        uint8_t *big = (uint8_t *)calloc(big_len, 1);
        CHECK(big != NULL, "calloc");
        if (big != NULL) {
            CHECK(livesign_trtc_callback_sign_keyed(&ctx, big, big_len, out) == LIVESIGN_INVALID_ARGUMENT,
                  "keyed sign: body too long, before the long key");
            CHECK(livesign_trtc_callback_verify_keyed(&ctx, big, big_len, u8(expected), strlen(expected)) ==
                      LIVESIGN_INVALID_ARGUMENT,
                  "keyed verify: body too long, before the long key");
            free(big);
        }
    }
    livesign_hmac_key_wipe(&ctx);
    CHECK(livesign_trtc_callback_verify_keyed(&ctx, body, body_len, u8(expected), strlen(expected)) ==
              LIVESIGN_INVALID_ARGUMENT,
          "keyed: wiped context");
    CHECK(livesign_trtc_callback_verify_keyed(NULL, body, body_len, u8(expected), strlen(expected)) ==
              LIVESIGN_INVALID_ARGUMENT,
          "keyed: NULL context");
    ring[1].len = 0;
    ring[1].ptr = NULL;
    CHECK(livesign_trtc_callback_verify_ring(ring, 3, body, body_len, u8(expected), strlen(expected), NULL) ==
              LIVESIGN_INVALID_KEY,
          "ring: empty key");
    CHECK(livesign_trtc_callback_verify_ring(ring, 0, body, body_len, u8(expected), strlen(expected), NULL) ==
              LIVESIGN_INVALID_ARGUMENT,
          "ring: no keys");
    CHECK(livesign_trtc_callback_verify_ring(ring, LIVESIGN_MAX_KEYS + 1, body, body_len, u8(expected),
                                             strlen(expected), NULL) == LIVESIGN_INVALID_ARGUMENT,
          "ring: too many keys");

    /* Pointer rules. */
    memset(out, '#', sizeof out);
    CHECK(livesign_trtc_callback_sign(u8(key), key_len, body, body_len, NULL) == LIVESIGN_INVALID_ARGUMENT, "NULL out");
    CHECK(livesign_trtc_callback_sign(u8(key), key_len, NULL, 1, out) == LIVESIGN_INVALID_ARGUMENT, "NULL body");
    CHECK(out[0] == '#', "out untouched on failure");
    CHECK(livesign_trtc_callback_verify(u8(key), key_len, body, body_len, NULL, 44) == LIVESIGN_INVALID_ARGUMENT,
          "NULL sign");

    /* Replay window on CallbackTs (ms). */
    CHECK(livesign_trtc_callback_check_time(body, body_len, 1615554923u + 300u, 300, &ts) == LIVESIGN_OK, "fresh");
    CHECK(ts == 1615554923704ull, "CallbackTs read");
    ts = 0;
    CHECK(livesign_trtc_callback_check_time(body, body_len, 1615554923u + 301u, 300, &ts) == LIVESIGN_EXPIRED,
          "too old");
    CHECK(ts == 1615554923704ull, "CallbackTs reported when expired");
    CHECK(livesign_trtc_callback_check_time(u8("{\"CallbackTs\":\"1\"}"), 18, 0, 0, &ts) == LIVESIGN_MALFORMED,
          "string CallbackTs");
    CHECK(ts == 0, "0 when not read");
    CHECK(livesign_trtc_callback_check_time(body, body_len, 0, 0, NULL) == LIVESIGN_OK, "nullable ts");
}

int main(void) {
    char line[8192];
    int vectors = 0;
    CHECK(livesign_trtc_callback_sign_len() == LIVESIGN_TRTC_CALLBACK_SIGN_LEN, "sign len");
    CHECK(LIVESIGN_TRTC_CALLBACK_SIGN_LEN == 44 && LIVESIGN_TRTC_CALLBACK_KEY_MAX_LEN == 32, "constants");
    while (fgets(line, sizeof line, stdin)) {
        static char key[64], body_hex[8192], expected[128];
        static uint8_t body[4096];
        size_t body_len;
        if (sscanf(line, "%63s %8191s %127s", key, body_hex, expected) != 3) {
            fprintf(stderr, "bad input line: %s", line);
            return 2;
        }
        body_len = unhex_into(body_hex, body, sizeof body);
        check_vector(key, body, body_len, expected);
        vectors++;
    }
    printf("C trtc_callback: %d vectors, %d checks, %d failures\n", vectors, checks, failures);
    return failures == 0 && vectors > 0 ? 0 : 1;
}
