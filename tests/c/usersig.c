/* C test of the TLSSigAPIv2 UserSig and PrivateMapKey API, compiled against
 * include/livesign.h and the static library by tests/c_usersig.rs.
 *
 * stdin: one vector of tests/vectors/usersig.json per line, text fields in hex ("-" = empty):
 *   <impl> <sdkappid> <key> <identifier> <expire> <time> <userbuf or ~ for none> <usersig>
 *   <kind: plain|room|roomstr> <roomid or roomstr> <privilege>
 * Every vector must verify until it expires, fail with the documented status otherwise,
 * inspect to its fields, and be regenerated (byte for byte for the Go vectors). */
#include "livesign.h"

#include "check.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int all_zero(const void *p, size_t n) {
    const uint8_t *b = (const uint8_t *)p;
    size_t i;
    for (i = 0; i < n; i++)
        if (b[i]) return 0;
    return 1;
}

typedef struct {
    char impl[16];
    uint64_t sdkappid;
    uint8_t key[256];
    size_t key_len;
    uint8_t id[512];
    size_t id_len;
    uint64_t expire, time;
    int has_userbuf;
    uint8_t userbuf[1024];
    size_t userbuf_len;
    char usersig[8192];
    size_t usersig_len;
    char kind[16];
    uint32_t roomid;
    uint8_t roomstr[256];
    size_t roomstr_len;
    uint32_t privilege;
} vector;

/* Generates the vector's token with the raw key (`keyed` = 0) or a loaded one. */
static livesign_status generate(const vector *v, const livesign_hmac_key *ctx, uint8_t *out, size_t cap,
                                size_t *out_len) {
    const uint8_t *id = v->id_len ? v->id : NULL;
    if (strcmp(v->kind, "room") == 0) {
        return ctx ? livesign_privmap_gen_keyed(v->sdkappid, ctx, id, v->id_len, v->expire, v->time, v->roomid,
                                                v->privilege, out, cap, out_len)
                   : livesign_privmap_gen(v->sdkappid, v->key, v->key_len, id, v->id_len, v->expire, v->time,
                                          v->roomid, v->privilege, out, cap, out_len);
    }
    if (strcmp(v->kind, "roomstr") == 0) {
        return ctx ? livesign_privmap_gen_roomstr_keyed(v->sdkappid, ctx, id, v->id_len, v->expire, v->time,
                                                        v->roomstr, v->roomstr_len, v->privilege, out, cap,
                                                        out_len)
                   : livesign_privmap_gen_roomstr(v->sdkappid, v->key, v->key_len, id, v->id_len, v->expire,
                                                  v->time, v->roomstr, v->roomstr_len, v->privilege, out, cap,
                                                  out_len);
    }
    return ctx ? livesign_usersig_gen_keyed(v->sdkappid, ctx, id, v->id_len, v->expire, v->time,
                                            v->has_userbuf ? v->userbuf : NULL, v->userbuf_len, out, cap, out_len)
               : livesign_usersig_gen(v->sdkappid, v->key, v->key_len, id, v->id_len, v->expire, v->time,
                                      v->has_userbuf ? v->userbuf : NULL, v->userbuf_len, out, cap, out_len);
}

static void check_info(const vector *v, const livesign_usersig_info *info, const char *what) {
    CHECK(info->sdkappid == v->sdkappid, what);
    CHECK(info->time == v->time && info->expire == v->expire, what);
    CHECK(info->expires_at == v->time + v->expire, what);
    CHECK(info->identifier_len == v->id_len && memcmp(info->identifier, v->id, v->id_len) == 0, what);
    CHECK(info->has_userbuf == (uint32_t)v->has_userbuf, what);
    CHECK(info->userbuf_len == v->userbuf_len && memcmp(info->userbuf, v->userbuf, v->userbuf_len) == 0, what);
}

static void check_vector(const vector *v) {
    const uint8_t *t = (const uint8_t *)v->usersig;
    const uint64_t end = v->time + v->expire;
    const uint8_t *id = v->id_len ? v->id : NULL;
    livesign_usersig_info info;
    livesign_hmac_key ctx, wrong_ctx;
    uint8_t wrong_key[257];
    uint8_t other_id[513];
    uint8_t ours[LIVESIGN_USERSIG_MAX_LEN], ours_keyed[LIVESIGN_USERSIG_MAX_LEN];
    size_t n = 0, n_keyed = 0, needed = 0;

    CHECK(livesign_hmac_key_init(&ctx, v->key, v->key_len) == LIVESIGN_OK, v->impl);
    memcpy(wrong_key, v->key, v->key_len);
    wrong_key[v->key_len] = 'x';
    CHECK(livesign_hmac_key_init(&wrong_ctx, wrong_key, v->key_len + 1) == LIVESIGN_OK, v->impl);
    memcpy(other_id, v->id, v->id_len);
    other_id[v->id_len] = 'x';

    /* Valid from issue to expiry, both ends included, with and without a loaded key. */
    CHECK(livesign_usersig_verify(v->sdkappid, v->key, v->key_len, id, v->id_len, t, v->usersig_len, v->time, 0,
                                  &info) == LIVESIGN_OK,
          v->impl);
    check_info(v, &info, "verify info");
    CHECK(livesign_usersig_verify(v->sdkappid, v->key, v->key_len, id, v->id_len, t, v->usersig_len, end, 0, NULL) ==
              LIVESIGN_OK,
          v->impl);
    CHECK(livesign_usersig_verify_keyed(v->sdkappid, &ctx, id, v->id_len, t, v->usersig_len, end, 0, &info) ==
              LIVESIGN_OK,
          v->impl);
    check_info(v, &info, "verify_keyed info");
    /* One second late: expired, unless the leeway covers it. */
    CHECK(livesign_usersig_verify(v->sdkappid, v->key, v->key_len, id, v->id_len, t, v->usersig_len, end + 1, 0,
                                  &info) == LIVESIGN_EXPIRED,
          v->impl);
    CHECK(all_zero(&info, sizeof info), "info zero-filled on failure");
    CHECK(livesign_usersig_verify_keyed(v->sdkappid, &ctx, id, v->id_len, t, v->usersig_len, end + 1, 1, NULL) ==
              LIVESIGN_OK,
          v->impl);
    memset(&info, 0xab, sizeof info);
    CHECK(livesign_usersig_verify_keyed(v->sdkappid, &ctx, id, v->id_len, t, v->usersig_len, end + 1, 0, &info) ==
              LIVESIGN_EXPIRED,
          v->impl);
    CHECK(all_zero(&info, sizeof info), "keyed info zero-filled on failure");
    /* Wrong key: sign invalid, even when also expired. */
    CHECK(livesign_usersig_verify(v->sdkappid, wrong_key, v->key_len + 1, id, v->id_len, t, v->usersig_len, v->time,
                                  0, NULL) == LIVESIGN_SIGNATURE_MISMATCH,
          v->impl);
    CHECK(livesign_usersig_verify_keyed(v->sdkappid, &wrong_ctx, id, v->id_len, t, v->usersig_len, end + 9, 0,
                                        NULL) == LIVESIGN_SIGNATURE_MISMATCH,
          v->impl);
    /* Another app or user: identity mismatch for a genuine token (before the expiry), a
       signature mismatch for one the key did not sign. */
    CHECK(livesign_usersig_verify(v->sdkappid + 1, v->key, v->key_len, id, v->id_len, t, v->usersig_len, end + 9, 0,
                                  NULL) == LIVESIGN_IDENTITY_MISMATCH,
          v->impl);
    CHECK(livesign_usersig_verify_keyed(v->sdkappid, &ctx, other_id, v->id_len + 1, t, v->usersig_len, v->time, 0,
                                        NULL) == LIVESIGN_IDENTITY_MISMATCH,
          v->impl);
    CHECK(livesign_usersig_verify_keyed(v->sdkappid, &wrong_ctx, other_id, v->id_len + 1, t, v->usersig_len, v->time,
                                        0, NULL) == LIVESIGN_SIGNATURE_MISMATCH,
          v->impl);

    /* Inspect needs no key. */
    memset(&info, 0xab, sizeof info);
    CHECK(livesign_usersig_inspect(t, v->usersig_len, &info) == LIVESIGN_OK, v->impl);
    check_info(v, &info, "inspect info");
    CHECK(livesign_usersig_inspect(t, v->usersig_len, NULL) == LIVESIGN_OK, v->impl);

    /* PrivateMapKey grants parse back to their inputs. */
    if (strcmp(v->kind, "plain") != 0) {
        livesign_privmap_info p;
        CHECK(livesign_privmap_parse(info.userbuf, info.userbuf_len, &p) == LIVESIGN_OK, v->impl);
        CHECK(p.sdkappid == (uint32_t)v->sdkappid && p.privileges == v->privilege, v->impl);
        CHECK(p.expires_at == (uint32_t)end && p.account_type == 0, v->impl);
        CHECK(p.identifier.len == v->id_len && memcmp(p.identifier.ptr, v->id, v->id_len) == 0, v->impl);
        if (strcmp(v->kind, "room") == 0) {
            CHECK(p.roomid == v->roomid && p.has_roomstr == 0 && p.roomstr.ptr == NULL, v->impl);
        } else {
            CHECK(p.roomid == 0 && p.has_roomstr == 1 && p.roomstr.len == v->roomstr_len &&
                      memcmp(p.roomstr.ptr, v->roomstr, v->roomstr_len) == 0,
                  v->impl);
        }
    }

    /* Generation: the Go SDK's bytes, the exact size up front, raw key = loaded key. */
    CHECK(generate(v, NULL, ours, sizeof ours, &n) == LIVESIGN_OK, v->impl);
    CHECK(generate(v, &ctx, ours_keyed, sizeof ours_keyed, &n_keyed) == LIVESIGN_OK, v->impl);
    CHECK(n == n_keyed && memcmp(ours, ours_keyed, n) == 0, "keyed generation");
    if (strcmp(v->impl, "go") == 0) {
        CHECK(n == v->usersig_len && memcmp(ours, t, n) == 0, "the Go token, byte for byte");
    }
    CHECK(livesign_usersig_len(v->sdkappid, id, v->id_len, v->expire, v->time, info.userbuf_len) == n, v->impl);
    CHECK(generate(v, NULL, NULL, 0, &needed) == LIVESIGN_BUFFER_TOO_SMALL && needed == n, "size query");
    CHECK(generate(v, &ctx, ours_keyed, n - 1, &needed) == LIVESIGN_BUFFER_TOO_SMALL && needed == n, "short buffer");
    CHECK(livesign_usersig_verify(v->sdkappid, v->key, v->key_len, id, v->id_len, ours, n, end, 0, &info) ==
              LIVESIGN_OK,
          "our token verifies");
    check_info(v, &info, "our token's info");
    livesign_hmac_key_wipe(&ctx);
    livesign_hmac_key_wipe(&wrong_ctx);
}

static void check_contract(void) {
    static const uint8_t key[] = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    static const uint8_t id[] = "xiaojun";
    static uint8_t long_id[LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN + 1];
    static uint8_t long_token[LIVESIGN_USERSIG_MAX_LEN + 1];
    static const uint8_t bad_utf8[] = {0x78, 0xff, 0x79};
    static const uint8_t zoe[] = {'Z', 'o', 0xc3, 0xab};
    const uint64_t app = 1400000000u, t = 1700000000u;
    uint8_t out[LIVESIGN_USERSIG_MAX_LEN];
    size_t n = 99, len;
    int k;
    livesign_usersig_info info;
    livesign_privmap_info p;
    livesign_hmac_key ctx;

    CHECK(livesign_usersig_max_len() == LIVESIGN_USERSIG_MAX_LEN, "max len twin");
    CHECK(LIVESIGN_PRIVMAP_CREATE == 1 && LIVESIGN_PRIVMAP_ENTER == 2 && LIVESIGN_PRIVMAP_SEND_AUDIO == 4 &&
              LIVESIGN_PRIVMAP_RECV_AUDIO == 8 && LIVESIGN_PRIVMAP_SEND_VIDEO == 16 &&
              LIVESIGN_PRIVMAP_RECV_VIDEO == 32 && LIVESIGN_PRIVMAP_SEND_SUBSTREAM == 64 &&
              LIVESIGN_PRIVMAP_RECV_SUBSTREAM == 128 && LIVESIGN_PRIVMAP_ALL == 255,
          "privilege bits");
    CHECK(sizeof info.identifier == LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN, "identifier capacity");
    CHECK(sizeof info.userbuf == LIVESIGN_USERSIG_USERBUF_MAX_LEN, "userbuf capacity");

    /* Generation pointer rules. */
    CHECK(livesign_usersig_gen(app, key, 64, id, 7, 86400, t, NULL, 0, out, sizeof out, NULL) ==
              LIVESIGN_INVALID_ARGUMENT,
          "NULL out_len");
    CHECK(livesign_usersig_gen(app, key, 64, id, 7, 86400, t, NULL, 0, NULL, 10, &n) == LIVESIGN_INVALID_ARGUMENT &&
              n == 0,
          "NULL out with a capacity");
    CHECK(livesign_usersig_gen(app, NULL, 64, id, 7, 86400, t, NULL, 0, out, sizeof out, &n) ==
              LIVESIGN_INVALID_ARGUMENT,
          "NULL key with a length");
    CHECK(livesign_usersig_gen(app, key, 64, NULL, 7, 86400, t, NULL, 0, out, sizeof out, &n) ==
              LIVESIGN_INVALID_ARGUMENT,
          "NULL identifier with a length");
    CHECK(livesign_usersig_gen(app, key, 64, id, 7, 86400, t, NULL, 3, out, sizeof out, &n) ==
              LIVESIGN_INVALID_ARGUMENT,
          "NULL userbuf with a length");
    CHECK(livesign_usersig_gen(app, key, 64, bad_utf8, 3, 86400, t, NULL, 0, out, sizeof out, &n) ==
              LIVESIGN_INVALID_ARGUMENT,
          "identifier not UTF-8");
    CHECK(livesign_usersig_gen(app, key, 0, id, 7, 86400, t, NULL, 0, out, sizeof out, &n) == LIVESIGN_INVALID_KEY &&
              n == 0,
          "empty key");
    /* A real buffer of that length: the library may read every byte it is given. */
    memset(long_id, 'a', sizeof long_id);
    memset(long_token, 'A', sizeof long_token);
    CHECK(livesign_usersig_gen(app, key, 64, long_id, sizeof long_id, 86400, t, NULL, 0, out, sizeof out, &n) ==
              LIVESIGN_INVALID_ARGUMENT,
          "identifier too long");
    CHECK(livesign_usersig_gen(app, key, 64, id, 7, 86400, t, out, LIVESIGN_USERSIG_USERBUF_MAX_LEN + 1, out,
                               sizeof out, &n) == LIVESIGN_INVALID_ARGUMENT,
          "userbuf too long");
    CHECK(livesign_usersig_len(app, bad_utf8, 3, 86400, t, 0) == 0, "len of an invalid identifier");
    CHECK(livesign_usersig_len(app, NULL, 3, 86400, t, 0) == 0, "len of a NULL identifier");
    CHECK(livesign_usersig_len(app, id, 7, 86400, t, LIVESIGN_USERSIG_USERBUF_MAX_LEN + 1) == 0, "len, long userbuf");
    CHECK(livesign_usersig_len(app, NULL, 0, 0, 0, 0) > 0, "len of the smallest token");
    CHECK(livesign_usersig_gen_keyed(app, NULL, id, 7, 86400, t, NULL, 0, out, sizeof out, &n) ==
              LIVESIGN_INVALID_ARGUMENT,
          "NULL context");
    memset(&ctx, 0, sizeof ctx);
    CHECK(livesign_usersig_gen_keyed(app, &ctx, id, 7, 86400, t, NULL, 0, out, sizeof out, &n) ==
              LIVESIGN_INVALID_ARGUMENT,
          "never-initialised context");
    CHECK(livesign_hmac_key_init(&ctx, key, 64) == LIVESIGN_OK, "init");
    CHECK(livesign_usersig_gen_keyed(app, &ctx, id, 7, 86400, t, NULL, 0, out, sizeof out, &n) == LIVESIGN_OK,
          "keyed");
    len = n;
    livesign_hmac_key_wipe(&ctx);
    CHECK(livesign_usersig_gen_keyed(app, &ctx, id, 7, 86400, t, NULL, 0, out, sizeof out, &n) ==
              LIVESIGN_INVALID_ARGUMENT,
          "wiped context");

    /* Verification pointer rules and statuses. */
    CHECK(livesign_usersig_gen(app, key, 64, id, 7, 86400, t, NULL, 0, out, sizeof out, &n) == LIVESIGN_OK &&
              n == len,
          "gen");
    memset(&info, 0xab, sizeof info);
    CHECK(livesign_usersig_verify(app, key, 64, id, 7, NULL, n, t, 0, &info) == LIVESIGN_INVALID_ARGUMENT,
          "NULL usersig");
    CHECK(all_zero(&info, sizeof info), "zero-filled after INVALID_ARGUMENT");
    CHECK(livesign_usersig_verify(app, key, 64, bad_utf8, 3, out, n, t, 0, NULL) == LIVESIGN_INVALID_ARGUMENT,
          "verify: identifier not UTF-8");
    CHECK(livesign_usersig_verify(app, key, 0, id, 7, out, n, t, 0, NULL) == LIVESIGN_INVALID_KEY, "verify: empty key");
    /* The documented order: the key is checked before the identifier's and the token's lengths. */
    CHECK(livesign_usersig_gen(app, key, 0, long_id, sizeof long_id, 86400, t, NULL, 0, out, sizeof out, &n) ==
              LIVESIGN_INVALID_KEY,
          "gen: empty key before identifier too long");
    CHECK(livesign_usersig_gen(app, key, 0, id, 7, 86400, t, long_token, LIVESIGN_USERSIG_USERBUF_MAX_LEN + 1, out,
                               sizeof out, &n) == LIVESIGN_INVALID_KEY,
          "gen: empty key before userbuf too long");
    CHECK(livesign_usersig_verify(app, key, 0, long_id, sizeof long_id, out, n, t, 0, NULL) == LIVESIGN_INVALID_KEY,
          "verify: empty key before identifier too long");
    CHECK(livesign_usersig_verify(app, key, 0, id, 7, long_token, sizeof long_token, t, 0, NULL) ==
              LIVESIGN_INVALID_KEY,
          "verify: empty key before usersig too long");
    CHECK(livesign_usersig_verify(app, key, 64, id, 7, long_token, sizeof long_token, t, 0, NULL) ==
              LIVESIGN_INVALID_ARGUMENT,
          "verify: usersig too long");
    CHECK(livesign_usersig_verify(app, key, 64, id, 7, NULL, 0, t, 0, NULL) == LIVESIGN_MALFORMED, "empty usersig");
    CHECK(livesign_usersig_verify(app, key, 64, id, 7, (const uint8_t *)"eJyrVg__", 8, t, 0, NULL) ==
              LIVESIGN_MALFORMED,
          "corrupt usersig");
    CHECK(livesign_usersig_verify_keyed(app, NULL, id, 7, out, n, t, 0, NULL) == LIVESIGN_INVALID_ARGUMENT,
          "verify: NULL context");
    out[n / 2] = out[n / 2] == 'A' ? 'B' : 'A';
    memset(&info, 0xab, sizeof info);
    CHECK(livesign_usersig_verify(app, key, 64, id, 7, out, n, t, 0, &info) != LIVESIGN_OK, "one character changed");
    CHECK(all_zero(&info, sizeof info), "zero-filled after a changed token");
    memset(&info, 0xab, sizeof info);
    CHECK(livesign_usersig_inspect(NULL, 5, &info) == LIVESIGN_INVALID_ARGUMENT && all_zero(&info, sizeof info),
          "inspect: NULL with a length");
    CHECK(livesign_usersig_inspect((const uint8_t *)"not a usersig", 13, &info) == LIVESIGN_MALFORMED,
          "inspect: corrupt");

    /* Tokens end by LIVESIGN_USERSIG_MAX_EXPIRES_AT (INT64_MAX, what the official verifiers
       read); one second more is refused, also by the size function. */
    CHECK(LIVESIGN_USERSIG_MAX_EXPIRES_AT == (uint64_t)INT64_MAX, "INT64_MAX");
    CHECK(livesign_usersig_gen(app, key, 64, id, 7, 10, LIVESIGN_USERSIG_MAX_EXPIRES_AT - 10, NULL, 0, out, sizeof out,
                               &n) == LIVESIGN_OK,
          "gen at the last expiry");
    CHECK(livesign_usersig_len(app, id, 7, 10, LIVESIGN_USERSIG_MAX_EXPIRES_AT - 10, 0) == n, "len at the last expiry");
    CHECK(livesign_usersig_verify(app, key, 64, id, 7, out, n, LIVESIGN_USERSIG_MAX_EXPIRES_AT, 0, &info) ==
                  LIVESIGN_OK &&
              info.expires_at == LIVESIGN_USERSIG_MAX_EXPIRES_AT,
          "valid through its last second");
    CHECK(livesign_usersig_verify(app, key, 64, id, 7, out, n, UINT64_MAX, UINT32_MAX, &info) == LIVESIGN_EXPIRED,
          "expired after it, whatever the leeway");
    n = 99;
    CHECK(livesign_usersig_gen(app, key, 64, id, 7, 11, LIVESIGN_USERSIG_MAX_EXPIRES_AT - 10, NULL, 0, out, sizeof out,
                               &n) == LIVESIGN_INVALID_ARGUMENT &&
              n == 0,
          "gen one second later");
    CHECK(livesign_usersig_gen(app, key, 64, id, 7, UINT64_MAX, UINT64_MAX, NULL, 0, out, sizeof out, &n) ==
              LIVESIGN_INVALID_ARGUMENT,
          "gen at the end of time");
    CHECK(livesign_usersig_len(app, id, 7, 11, LIVESIGN_USERSIG_MAX_EXPIRES_AT - 10, 0) == 0, "len one second later");

    /* PrivateMapKey rules, each with the key (the rule's own status) and with an empty key,
       which is checked first; a NULL room name with a length is a pointer error before both. */
    for (k = 0; k < 2; k++) {
        const size_t key_len = k == 0 ? 64 : 0;
        const livesign_status rule = k == 0 ? LIVESIGN_INVALID_ARGUMENT : LIVESIGN_INVALID_KEY;
        CHECK(livesign_privmap_gen(app, key, key_len, zoe, 4, 300, t, 1, 255, out, sizeof out, &n) == rule,
              k == 0 ? "non-ASCII PrivateMapKey identifier" : "empty key before a non-ASCII identifier");
        CHECK(livesign_privmap_gen_roomstr(app, key, key_len, id, 7, 300, t, zoe, 4, 255, out, sizeof out, &n) == rule,
              k == 0 ? "non-ASCII room name" : "empty key before a non-ASCII room name");
        CHECK(livesign_privmap_gen_roomstr(app, key, key_len, id, 7, 300, t, NULL, 0, 255, out, sizeof out, &n) == rule,
              k == 0 ? "empty room name" : "empty key before an empty room name");
        CHECK(livesign_privmap_gen_roomstr(app, key, key_len, id, 7, 300, t, NULL, 4, 255, out, sizeof out, &n) ==
                  LIVESIGN_INVALID_ARGUMENT,
              k == 0 ? "NULL room name with a length" : "a NULL room name with a length before the empty key");
        CHECK(livesign_privmap_gen(4294967296u, key, key_len, id, 7, 300, t, 1, 255, out, sizeof out, &n) == rule,
              k == 0 ? "sdkappid over 32 bits" : "empty key before sdkappid over 32 bits");
        CHECK(livesign_privmap_gen(app, key, key_len, id, 7, 300, 4294967296u - 300, 1, 255, out, sizeof out, &n) ==
                  rule,
              k == 0 ? "grant expiry over 32 bits" : "empty key before grant expiry over 32 bits");
    }
    CHECK(livesign_privmap_gen(app, key, 0, id, 7, 300, t, 1, 255, out, sizeof out, &n) == LIVESIGN_INVALID_KEY,
          "PrivateMapKey: empty key");
    CHECK(livesign_privmap_gen_keyed(app, NULL, id, 7, 300, t, 1, 255, out, sizeof out, &n) ==
              LIVESIGN_INVALID_ARGUMENT,
          "PrivateMapKey: NULL context");
    CHECK(livesign_privmap_gen_roomstr_keyed(app, NULL, id, 7, 300, t, id, 7, 255, out, sizeof out, &n) ==
              LIVESIGN_INVALID_ARGUMENT,
          "PrivateMapKey: NULL context");
    CHECK(livesign_privmap_gen(app, key, 64, id, 7, 300, t, 10000,
                               LIVESIGN_PRIVMAP_ENTER | LIVESIGN_PRIVMAP_RECV_AUDIO | LIVESIGN_PRIVMAP_RECV_VIDEO, out,
                               sizeof out, NULL) == LIVESIGN_INVALID_ARGUMENT,
          "PrivateMapKey: NULL out_len");
    memset(&p, 0xab, sizeof p);
    CHECK(livesign_privmap_parse((const uint8_t *)"\x02", 1, &p) == LIVESIGN_MALFORMED && all_zero(&p, sizeof p),
          "parse: bad version, zero-filled");
    CHECK(livesign_privmap_parse(NULL, 3, &p) == LIVESIGN_INVALID_ARGUMENT, "parse: NULL with a length");
    CHECK(livesign_privmap_parse(NULL, 0, NULL) == LIVESIGN_MALFORMED, "parse: empty");
}

int main(void) {
    char line[32768];
    int vectors = 0;
    check_contract();
    while (fgets(line, sizeof line, stdin)) {
        static vector v;
        char key[600], id[1100], userbuf[2100], room[600];
        unsigned long long sdkappid, expire, time, privilege;
        memset(&v, 0, sizeof v);
        if (sscanf(line, "%15s %llu %599s %1099s %llu %llu %2099s %8191s %15s %599s %llu", v.impl, &sdkappid, key, id,
                   &expire, &time, userbuf, v.usersig, v.kind, room, &privilege) != 11) {
            fprintf(stderr, "bad input line: %s", line);
            return 2;
        }
        v.sdkappid = sdkappid;
        v.expire = expire;
        v.time = time;
        v.privilege = (uint32_t)privilege;
        v.key_len = unhex_into(key, v.key, sizeof v.key);
        v.id_len = unhex_into(id, v.id, sizeof v.id);
        v.has_userbuf = strcmp(userbuf, "~") != 0;
        v.userbuf_len = unhex_into(userbuf, v.userbuf, sizeof v.userbuf);
        v.usersig_len = strlen(v.usersig);
        if (strcmp(v.kind, "room") == 0) v.roomid = (uint32_t)strtoul(room, NULL, 10);
        if (strcmp(v.kind, "roomstr") == 0) v.roomstr_len = unhex_into(room, v.roomstr, sizeof v.roomstr);
        check_vector(&v);
        vectors++;
    }
    printf("C usersig: %d vectors, %d checks, %d failures\n", vectors, checks, failures);
    return failures == 0 && vectors > 0 ? 0 : 1;
}
