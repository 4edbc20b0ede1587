/* C test of the Huawei Cloud Live API (notifications, ordering, event ids, URL methods A, B
 * and D, recording and SparkRTC callbacks) and livesign_json_unescape, compiled against
 * include/livesign.h and the static library by tests/c_huawei.rs.
 *
 * stdin: one vector per line from tests/vectors/huawei.json and others.json; every text is
 * hex-encoded UTF-8 ("-" for empty):
 *   notify <key> <event> <domain> <app> <stream> <auth_ts> <correct> <presented> <status>
 *   url_a <key> <uri> <time text> <format> <rand> <uid> <query> <doc's wrong hash or ->
 *   url_b <key> <stream> <txTime text> <expected txSecret>
 *   url_d <key> <subject> <hwTime text> <expected> <value that must not verify or ->
 *   record <key> <auth_ts> <event_type> <domain> <app> <stream> <download_url> <play_url> <expected>
 *   record_md5 <key> <auth_ts> <expected>
 *   sparkrtc <key> <rand> <timestamp> <body> <expected>
 * Hex outputs (signatures, queries) are given as plain text. */
#include "livesign.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#include "text.h"

static const uint8_t *ptr(const text *t) { return t->n ? t->b : NULL; }

static livesign_hmac_key load(const uint8_t *key, size_t len) {
    livesign_hmac_key k;
    CHECK(livesign_hmac_key_init(&k, key, len) == LIVESIGN_OK, "hmac key init");
    return k;
}

static int same(livesign_slice s, const char *want) {
    size_t n = strlen(want);
    return s.len == n && (n == 0 ? s.ptr == NULL : memcmp(s.ptr, want, n) == 0);
}

static void check_notify(char **f) {
    text key = unhex(f[0]), ev = unhex(f[1]), dom = unhex(f[2]), app = unhex(f[3]), st = unhex(f[4]);
    uint64_t t = strtoull(f[5], NULL, 10);
    const char *correct = f[6], *presented = f[7];
    livesign_status want = (livesign_status)strtoul(f[8], NULL, 10);
    uint8_t out[LIVESIGN_HUAWEI_SIGN_LEN];
    char body[2048];
    livesign_huawei_event e;
    livesign_hmac_key k = load(key.b, key.n);
    int n;

    CHECK(livesign_huawei_sign(key.b, key.n, ptr(&ev), ev.n, ptr(&dom), dom.n, ptr(&app), app.n, ptr(&st), st.n, t,
                               out) == LIVESIGN_OK,
          "notify sign");
    CHECK(memcmp(out, correct, sizeof out) == 0, "notify sign value");
    memset(out, 0, sizeof out);
    CHECK(livesign_huawei_sign_keyed(&k, ptr(&ev), ev.n, ptr(&dom), dom.n, ptr(&app), app.n, ptr(&st), st.n, t, out) ==
              LIVESIGN_OK,
          "notify sign keyed");
    CHECK(memcmp(out, correct, sizeof out) == 0, "notify sign keyed value");

    n = snprintf(body, sizeof body,
                 "{\"domain\":\"%.*s\",\"app\":\"%.*s\",\"stream\":\"%.*s\",\"publish_timestamp\":\"%llu\","
                 "\"event\":\"%.*s\",\"auth_timestamp\":%llu,\"auth_sign\":\"%s\"}",
                 (int)dom.n, (const char *)dom.b, (int)app.n, (const char *)app.b, (int)st.n, (const char *)st.b,
                 (unsigned long long)(t - 6), (int)ev.n, (const char *)ev.b, (unsigned long long)t, presented);
    CHECK(n > 0 && (size_t)n < sizeof body, "body fits");
    CHECK(livesign_huawei_callback_verify(key.b, key.n, U8(body), (size_t)n, t, 0, &e) == want, "notify verify");
    CHECK(livesign_huawei_callback_verify_keyed(&k, U8(body), (size_t)n, t, 0, NULL) == want, "notify verify keyed");
    if (want == LIVESIGN_OK) {
        CHECK(e.auth_timestamp == t && e.publish_time == t - 6 && e.publish_time_valid == 1, "event times");
        CHECK(e.stream.len == st.n && memcmp(e.stream.ptr, st.b, st.n) == 0, "event stream");
        CHECK(e.event == (ev.n == 7 ? LIVESIGN_HUAWEI_EVENT_PUBLISH : LIVESIGN_HUAWEI_EVENT_PUBLISH_DONE), "event kind");
        CHECK(livesign_huawei_callback_verify(key.b, key.n, U8(body), (size_t)n, t + 301, 300, &e) == LIVESIGN_EXPIRED,
              "notify expired");
        CHECK(e.event == 0 && e.stream.ptr == NULL && e.auth_timestamp == 0, "event zeroed on failure");
        CHECK(livesign_huawei_callback_verify_keyed(&k, U8(body), (size_t)n, t + 300, 300, &e) == LIVESIGN_OK,
              "notify keyed at the end of the leeway");
        CHECK(livesign_huawei_callback_verify_keyed(&k, U8(body), (size_t)n, t + 301, 300, &e) == LIVESIGN_EXPIRED,
              "notify keyed expired");
        CHECK(e.event == 0 && e.stream.ptr == NULL && e.auth_timestamp == 0, "keyed event zeroed on failure");
    }
}

static void check_url_a(char **f) {
    text key = unhex(f[0]), uri = unhex(f[1]), rand = unhex(f[4]), uid = unhex(f[5]);
    const char *ts = f[2], *query = f[6], *wrong = f[7];
    uint32_t format = (uint32_t)strtoul(f[3], NULL, 10);
    uint64_t start = strtoull(ts, NULL, format == LIVESIGN_HUAWEI_TIME_HEX ? 16 : 10);
    uint8_t out[LIVESIGN_HUAWEI_URL_A_MAX_LEN];
    char url[512];
    size_t len = 0, matched = 99;
    livesign_slice ring[2];
    static const char other[] = "0ther0therOTHER0ther0therOTHER00";
    int n;

    CHECK(livesign_huawei_url_a_build(key.b, key.n, uri.b, uri.n, start, format, rand.b, rand.n, uid.b, uid.n, NULL, 0,
                                      &len) == LIVESIGN_BUFFER_TOO_SMALL,
          "url a size query");
    CHECK(len == strlen(query), "url a size");
    CHECK(livesign_huawei_url_a_build(key.b, key.n, uri.b, uri.n, start, format, rand.b, rand.n, uid.b, uid.n, out,
                                      sizeof out, &len) == LIVESIGN_OK,
          "url a build");
    CHECK(len == strlen(query) && memcmp(out, query, len) == 0, query);

    n = snprintf(url, sizeof url, "rtmp://push.example.com%.*s?%s", (int)uri.n, (const char *)uri.b, query);
    ring[0].ptr = U8(other);
    ring[0].len = LEN(other);
    ring[1].ptr = key.b;
    ring[1].len = key.n;
    CHECK(livesign_huawei_url_a_verify(ring, 2, U8(url), (size_t)n, format, start, 60, 0, &matched) == LIVESIGN_OK,
          "url a verify");
    CHECK(matched == 1, "url a matched backup");
    CHECK(livesign_huawei_url_a_verify(ring + 1, 1, U8(url), (size_t)n, format, start + 61, 60, 0, NULL) ==
              LIVESIGN_EXPIRED,
          "url a expired");
    CHECK(livesign_huawei_url_a_verify(ring, 1, U8(url), (size_t)n, format, start, 60, 0, NULL) ==
              LIVESIGN_SIGNATURE_MISMATCH,
          "url a other key");
    if (strcmp(wrong, "-") != 0) {
        n = snprintf(url, sizeof url, "%.*s?auth_key=%s-%.*s-%.*s-%s", (int)uri.n, (const char *)uri.b, ts,
                     (int)rand.n, (const char *)rand.b, (int)uid.n, (const char *)uid.b, wrong);
        CHECK(livesign_huawei_url_a_verify(ring + 1, 1, U8(url), (size_t)n, format, start, 60, 0, NULL) ==
                  LIVESIGN_SIGNATURE_MISMATCH,
              "the doc's wrong .sdp hash is rejected");
    }
}

static void check_url_b(char **f) {
    text key = unhex(f[0]), stream = unhex(f[1]);
    const char *tx = f[2], *expected = f[3];
    uint64_t start = strtoull(tx, NULL, 16);
    char query[128], url[512], upper[16];
    uint8_t out[LIVESIGN_HUAWEI_URL_B_MAX_LEN];
    size_t len = 0, matched = 99, i;
    livesign_slice ring[2];
    static const char other[] = "0ther0therOTHER0ther0therOTHER00";
    int n;

    snprintf(query, sizeof query, "txSecret=%s&txTime=%s", expected, tx);
    CHECK(livesign_huawei_url_b_build(key.b, key.n, stream.b, stream.n, start, NULL, 0, &len) ==
                  LIVESIGN_BUFFER_TOO_SMALL &&
              len == strlen(query),
          "url b size query");
    CHECK(livesign_huawei_url_b_build(key.b, key.n, stream.b, stream.n, start, out, sizeof out, &len) == LIVESIGN_OK,
          "url b build");
    CHECK(len == strlen(query) && memcmp(out, query, len) == 0, query);

    /* Huawei's example URL and duration (1249 s): valid while txTime + duration > now. */
    n = snprintf(url, sizeof url, "http://test-play.example.com/livetest/%.*s.flv?%s", (int)stream.n,
                 (const char *)stream.b, query);
    ring[0].ptr = U8(other);
    ring[0].len = LEN(other);
    ring[1].ptr = key.b;
    ring[1].len = key.n;
    CHECK(livesign_huawei_url_b_verify(ring, 2, stream.b, stream.n, U8(url), (size_t)n, start + 1248, 1249, 0,
                                       &matched) == LIVESIGN_OK &&
              matched == 1,
          "url b verify, backup key");
    CHECK(livesign_huawei_url_b_verify(ring + 1, 1, stream.b, stream.n, U8(url), (size_t)n, start + 1249, 1249, 0,
                                       NULL) == LIVESIGN_EXPIRED,
          "url b expired (strict)");
    CHECK(livesign_huawei_url_b_verify(ring + 1, 1, stream.b, stream.n, U8(url), (size_t)n, start + 1249, 1249, 1,
                                       NULL) == LIVESIGN_OK,
          "url b leeway");
    CHECK(livesign_huawei_url_b_verify(ring, 1, stream.b, stream.n, U8(url), (size_t)n, start, 1249, 0, NULL) ==
              LIVESIGN_SIGNATURE_MISMATCH,
          "url b other key");
    CHECK(livesign_huawei_url_b_verify(ring + 1, 1, U8("other"), 5, U8(url), (size_t)n, start, 1249, 0, NULL) ==
              LIVESIGN_SIGNATURE_MISMATCH,
          "url b other stream");
    /* txTime is signed as written: the same instant in uppercase does not verify. */
    for (i = 0; tx[i] && i + 1 < sizeof upper; i++) upper[i] = (char)(tx[i] >= 'a' && tx[i] <= 'f' ? tx[i] - 32 : tx[i]);
    upper[i] = 0;
    n = snprintf(url, sizeof url, "/livetest/x?txSecret=%s&txTime=%s", expected, upper);
    CHECK(strcmp(upper, tx) != 0 && livesign_huawei_url_b_verify(ring + 1, 1, stream.b, stream.n, U8(url), (size_t)n,
                                                                   start, 1249, 0, NULL) == LIVESIGN_SIGNATURE_MISMATCH,
          "txTime is signed as written");
}

static void check_url_d(char **f) {
    text key = unhex(f[0]), subject = unhex(f[1]);
    const char *hw = f[2], *expected = f[3], *wrong = f[4];
    uint64_t start = strtoull(hw, NULL, 16);
    char canonical[32], query[160], url[512];
    uint8_t out[LIVESIGN_HUAWEI_URL_D_MAX_LEN];
    size_t len = 0, matched = 99;
    livesign_slice ring[2];
    livesign_hmac_key ctx[2];
    static const char other[] = "0ther0therOTHER0ther0therOTHER00";
    int n;

    snprintf(canonical, sizeof canonical, "%llx", (unsigned long long)start);
    snprintf(query, sizeof query, "hwSecret=%s&hwTime=%s", expected, hw);
    if (strcmp(canonical, hw) == 0) {
        CHECK(livesign_huawei_url_d_build(key.b, key.n, subject.b, subject.n, start, out, sizeof out, &len) ==
                  LIVESIGN_OK,
              "url d build");
        CHECK(len == strlen(query) && memcmp(out, query, len) == 0, query);
        ctx[0] = load(key.b, key.n);
        CHECK(livesign_huawei_url_d_build_keyed(&ctx[0], subject.b, subject.n, start, out, sizeof out, &len) ==
                  LIVESIGN_OK,
              "url d build keyed");
        CHECK(len == strlen(query) && memcmp(out, query, len) == 0, "url d build keyed value");
        CHECK(livesign_huawei_url_d_build(key.b, key.n, subject.b, subject.n, start, out, 10, &len) ==
                  LIVESIGN_BUFFER_TOO_SMALL &&
                  len == strlen(query),
              "url d small buffer");
    }
    n = snprintf(url, sizeof url, "http://play.example.com/live/%.*s.m3u8?%s", (int)subject.n,
                 (const char *)subject.b, query);
    ring[0].ptr = U8(other);
    ring[0].len = LEN(other);
    ring[1].ptr = key.b;
    ring[1].len = key.n;
    ctx[0] = load(U8(other), LEN(other));
    ctx[1] = load(key.b, key.n);
    CHECK(livesign_huawei_url_d_verify(ring, 2, subject.b, subject.n, U8(url), (size_t)n, start + 59, 60, 0,
                                       &matched) == LIVESIGN_OK &&
              matched == 1,
          "url d verify");
    matched = 99;
    CHECK(livesign_huawei_url_d_verify_keyed(ctx, 2, subject.b, subject.n, U8(url), (size_t)n, start, 60, 0,
                                             &matched) == LIVESIGN_OK &&
              matched == 1,
          "url d verify keyed");
    CHECK(livesign_huawei_url_d_verify(ring + 1, 1, subject.b, subject.n, U8(url), (size_t)n, start + 60, 60, 0,
                                       NULL) == LIVESIGN_EXPIRED,
          "url d expired (strict)");
    CHECK(livesign_huawei_url_d_verify_keyed(ctx + 1, 1, subject.b, subject.n, U8(url), (size_t)n, start + 59, 60, 0,
                                             NULL) == LIVESIGN_OK,
          "url d keyed, last second");
    CHECK(livesign_huawei_url_d_verify_keyed(ctx + 1, 1, subject.b, subject.n, U8(url), (size_t)n, start + 60, 60, 0,
                                             NULL) == LIVESIGN_EXPIRED,
          "url d keyed expired (strict)");
    if (strcmp(wrong, "-") != 0) {
        n = snprintf(url, sizeof url, "/live/x?hwSecret=%s&hwTime=%s", wrong, hw);
        CHECK(livesign_huawei_url_d_verify(ring + 1, 1, subject.b, subject.n, U8(url), (size_t)n, start, 60, 0,
                                           NULL) == LIVESIGN_SIGNATURE_MISMATCH,
              "hwTime is signed as written");
    }
}

static void check_record(char **f) {
    text key = unhex(f[0]), et = unhex(f[2]), dom = unhex(f[3]), app = unhex(f[4]), st = unhex(f[5]);
    text dl = unhex(f[6]), pl = unhex(f[7]);
    uint64_t t = strtoull(f[1], NULL, 10);
    const char *expected = f[8];
    uint8_t out[LIVESIGN_HUAWEI_SIGN_LEN];
    livesign_hmac_key k = load(key.b, key.n);

    CHECK(livesign_huawei_record_sign(key.b, key.n, t, ptr(&et), et.n, ptr(&dom), dom.n, ptr(&app), app.n, ptr(&st),
                                      st.n, ptr(&dl), dl.n, ptr(&pl), pl.n, out) == LIVESIGN_OK,
          "record sign");
    CHECK(memcmp(out, expected, sizeof out) == 0, "record sign value");
    memset(out, 0, sizeof out);
    CHECK(livesign_huawei_record_sign_keyed(&k, t, ptr(&et), et.n, ptr(&dom), dom.n, ptr(&app), app.n, ptr(&st), st.n,
                                            ptr(&dl), dl.n, ptr(&pl), pl.n, out) == LIVESIGN_OK,
          "record sign keyed");
    CHECK(memcmp(out, expected, sizeof out) == 0, "record sign keyed value");
    CHECK(livesign_huawei_record_verify(key.b, key.n, t, ptr(&et), et.n, ptr(&dom), dom.n, ptr(&app), app.n,
                                        ptr(&st), st.n, ptr(&dl), dl.n, ptr(&pl), pl.n, U8(expected), 64, t + 300,
                                        LIVESIGN_HUAWEI_DEFAULT_LEEWAY_S) == LIVESIGN_OK,
          "record verify");
    CHECK(livesign_huawei_record_verify_keyed(&k, t, ptr(&et), et.n, ptr(&dom), dom.n, ptr(&app), app.n, ptr(&st),
                                              st.n, ptr(&dl), dl.n, NULL, 0, U8(expected), 64, t, 0) ==
              LIVESIGN_SIGNATURE_MISMATCH,
          "record verify keyed, play_url dropped");
    CHECK(livesign_huawei_record_verify_keyed(&k, t, ptr(&et), et.n, ptr(&dom), dom.n, ptr(&app), app.n, ptr(&st),
                                              st.n, ptr(&dl), dl.n, ptr(&pl), pl.n, U8(expected), 64, t + 1, 0) ==
              LIVESIGN_EXPIRED,
          "record verify keyed expired");
}

static void check_record_md5(char **f) {
    text key = unhex(f[0]);
    uint64_t t = strtoull(f[1], NULL, 10);
    const char *expected = f[2];
    uint8_t out[LIVESIGN_HUAWEI_RECORD_MD5_LEN];

    CHECK(livesign_huawei_record_md5_sign(key.b, key.n, t, out) == LIVESIGN_OK, "record md5 sign");
    CHECK(memcmp(out, expected, sizeof out) == 0, "record md5 value");
    CHECK(livesign_huawei_record_md5_verify(key.b, key.n, t, U8(expected), 32, t, 0) == LIVESIGN_OK, "md5 verify");
    CHECK(livesign_huawei_record_md5_verify(key.b, key.n, t + 1, U8(expected), 32, t, 0) ==
              LIVESIGN_SIGNATURE_MISMATCH,
          "md5 verify other time");
    CHECK(livesign_huawei_record_md5_verify(key.b, key.n, t, U8(expected), 32, t + 1, 0) == LIVESIGN_EXPIRED,
          "md5 verify expired");
}

static void check_sparkrtc(char **f) {
    text key = unhex(f[0]), rand = unhex(f[1]), ts = unhex(f[2]), body = unhex(f[3]);
    const char *expected = f[4];
    uint64_t t = strtoull((const char *)ts.b, NULL, 10);
    uint8_t out[LIVESIGN_HUAWEI_SIGN_LEN];
    livesign_hmac_key k = load(key.b, key.n);

    CHECK(livesign_huawei_sparkrtc_sign(key.b, key.n, ptr(&rand), rand.n, ts.b, ts.n, ptr(&body), body.n, out) ==
              LIVESIGN_OK,
          "sparkrtc sign");
    CHECK(memcmp(out, expected, sizeof out) == 0, "sparkrtc value");
    memset(out, 0, sizeof out);
    CHECK(livesign_huawei_sparkrtc_sign_keyed(&k, ptr(&rand), rand.n, ts.b, ts.n, ptr(&body), body.n, out) ==
              LIVESIGN_OK,
          "sparkrtc sign keyed");
    CHECK(memcmp(out, expected, sizeof out) == 0, "sparkrtc keyed value");
    CHECK(livesign_huawei_sparkrtc_verify(key.b, key.n, ptr(&rand), rand.n, ts.b, ts.n, ptr(&body), body.n,
                                          U8(expected), 64, t + 300, 300) == LIVESIGN_OK,
          "sparkrtc verify");
    CHECK(livesign_huawei_sparkrtc_verify_keyed(&k, ptr(&rand), rand.n, ts.b, ts.n, ptr(&body), body.n, U8(expected),
                                                64, t + 301, 300) == LIVESIGN_EXPIRED,
          "sparkrtc verify keyed expired");
    CHECK(livesign_huawei_sparkrtc_verify_keyed(&k, ptr(&rand), rand.n, ts.b, ts.n, ptr(&body), body.n - 1,
                                                U8(expected), 64, t, 0) == LIVESIGN_SIGNATURE_MISMATCH,
          "sparkrtc truncated body");
    CHECK(livesign_huawei_sparkrtc_verify(key.b, key.n, ptr(&rand), rand.n, ts.b, ts.n, ptr(&body), body.n - 1,
                                          U8(expected), 64, t + 301, 300) == LIVESIGN_SIGNATURE_MISMATCH,
          "sparkrtc truncated body, also expired: the signature is checked first");
    CHECK(livesign_huawei_sparkrtc_verify(key.b, key.n, ptr(&rand), rand.n, U8("x"), 1, ptr(&body), body.n,
                                          U8(expected), 64, t, 300) == LIVESIGN_MALFORMED,
          "sparkrtc timestamp not a number");
    CHECK(livesign_huawei_sparkrtc_verify(key.b, key.n, ptr(&rand), rand.n, ts.b, ts.n, ptr(&body), body.n,
                                          U8(expected), 64, t - 300, 300) == LIVESIGN_OK,
          "sparkrtc verify, sent leeway_s ahead");
    CHECK(livesign_huawei_sparkrtc_verify_keyed(&k, ptr(&rand), rand.n, ts.b, ts.n, ptr(&body), body.n, U8(expected),
                                                64, t - 301, 300) == LIVESIGN_EXPIRED,
          "sparkrtc verify keyed, sent further ahead");
    /* The vector's timestamp is seconds (10 digits): so read, it verifies; milliseconds have 13. */
    CHECK(livesign_huawei_sparkrtc_verify_unit(key.b, key.n, ptr(&rand), rand.n, ts.b, ts.n, ptr(&body), body.n,
                                               U8(expected), 64, LIVESIGN_HUAWEI_SPARKRTC_UNIT_SECONDS, t,
                                               300) == LIVESIGN_OK,
          "sparkrtc verify in seconds");
    CHECK(livesign_huawei_sparkrtc_verify_unit_keyed(&k, ptr(&rand), rand.n, ts.b, ts.n, ptr(&body), body.n,
                                                     U8(expected), 64, LIVESIGN_HUAWEI_SPARKRTC_UNIT_EITHER, t,
                                                     300) == LIVESIGN_OK,
          "sparkrtc verify keyed, unit by length");
    CHECK(livesign_huawei_sparkrtc_verify_unit_keyed(&k, ptr(&rand), rand.n, ts.b, ts.n, ptr(&body), body.n,
                                                     U8(expected), 64, LIVESIGN_HUAWEI_SPARKRTC_UNIT_MILLISECONDS, t,
                                                     UINT32_MAX) == LIVESIGN_MALFORMED,
          "sparkrtc verify keyed, a seconds timestamp is no milliseconds one, whatever the leeway");
    CHECK(livesign_huawei_sparkrtc_verify_unit(key.b, key.n, ptr(&rand), rand.n, ts.b, ts.n, ptr(&body), body.n,
                                               U8(expected), 64, 3, t, 300) == LIVESIGN_INVALID_ARGUMENT,
          "sparkrtc unknown unit");
}

/* The seed 004 story end to end, and the contract of every function. */
static void check_contract(void) {
    static const char key[] = "0123456789abcdefghijklmnopqrstuvWXYZ";
    static const char sign[] = "881453d45e1c4bdf4dbd4aeeeca4246805a575aa0d94d2319e19d17a1162c9bc";
    static const char publish[] =
        "{\"domain\":\"push.example.com\",\"app\":\"live\",\"stream\":\"example_stream\","
        "\"user_args\":\"auth_info=x\\u0026cdn=hw\",\"client_ip\":\"100.111.*.*\",\"node_ip\":\"112.11.*.*\","
        "\"publish_timestamp\":\"1587954134\",\"event\":\"PUBLISH\",\"auth_timestamp\":1587954140,"
        "\"auth_sign\":\"881453d45e1c4bdf4dbd4aeeeca4246805a575aa0d94d2319e19d17a1162c9bc\"}";
    static const char done[] =
        "{\"domain\":\"push.example.com\",\"app\":\"live\",\"stream\":\"example_stream\","
        "\"publish_timestamp\":\"1587954134\",\"event\":\"PUBLISH_DONE\",\"auth_timestamp\":1587954140,"
        "\"auth_sign\":\"25F620D0B08E77328C8B18F09A54E8E1D5449125E5070C7E2FFB9B0EB3EBBFF1\"}";
    static const char dup[] = "{\"event\":\"PUBLISH\",\"event\":\"PUBLISH\",\"domain\":\"d\",\"app\":\"a\","
                              "\"stream\":\"s\",\"auth_timestamp\":1587954140,\"auth_sign\":\"00\"}";
    const uint64_t t = 1587954140u;
    livesign_huawei_event ev_publish, ev_done, bad;
    livesign_huawei_stream state;
    livesign_hmac_key k = load(U8(key), LEN(key)), wiped = load(U8(key), LEN(key));
    uint8_t out[256];
    size_t len = 0;
    uint32_t verdict = 77;

    CHECK(livesign_huawei_sign_len() == LIVESIGN_HUAWEI_SIGN_LEN && LIVESIGN_HUAWEI_SIGN_LEN == 64, "sign len");
    CHECK(livesign_huawei_record_md5_len() == LIVESIGN_HUAWEI_RECORD_MD5_LEN, "md5 len");
    CHECK(LIVESIGN_HUAWEI_DEFAULT_LEEWAY_S == 300, "default leeway");

    /* Verify: fields are views into the body. */
    CHECK(livesign_huawei_callback_verify(U8(key), LEN(key), U8(publish), LEN(publish), t + 300,
                                          LIVESIGN_HUAWEI_DEFAULT_LEEWAY_S, &ev_publish) == LIVESIGN_OK,
          "seed body");
    CHECK(ev_publish.event == LIVESIGN_HUAWEI_EVENT_PUBLISH && same(ev_publish.event_text, "PUBLISH"), "event");
    CHECK(same(ev_publish.domain, "push.example.com") && same(ev_publish.app, "live") &&
              same(ev_publish.stream, "example_stream"),
          "domain app stream");
    CHECK(same(ev_publish.client_ip, "100.111.*.*") && same(ev_publish.node_ip, "112.11.*.*"), "ips");
    CHECK(same(ev_publish.publish_timestamp, "1587954134") && ev_publish.publish_time == 1587954134u &&
              ev_publish.publish_time_valid == 1,
          "publish time");
    CHECK(ev_publish.escaped == LIVESIGN_HUAWEI_FIELD_USER_ARGS, "escaped bits");
    CHECK(livesign_json_unescape(ev_publish.user_args.ptr, ev_publish.user_args.len, out, sizeof out, &len) ==
                  LIVESIGN_OK &&
              len == 18 && memcmp(out, "auth_info=x&cdn=hw", 18) == 0,
          "json unescape user_args");
    CHECK(livesign_json_unescape(ev_publish.user_args.ptr, ev_publish.user_args.len, NULL, 0, &len) ==
              LIVESIGN_BUFFER_TOO_SMALL,
          "json unescape size query");
    CHECK(livesign_json_unescape(U8("a\"b"), 3, out, sizeof out, &len) == LIVESIGN_MALFORMED && len == 0,
          "json unescape rejects raw quotes");
    CHECK(livesign_json_unescape(NULL, 1, out, sizeof out, &len) == LIVESIGN_INVALID_ARGUMENT, "json NULL");
    CHECK(livesign_json_unescape(U8("a"), 1, out, sizeof out, NULL) == LIVESIGN_INVALID_ARGUMENT, "json NULL out_len");

    CHECK(livesign_huawei_callback_verify_keyed(&k, U8(done), LEN(done), t, 0, &ev_done) == LIVESIGN_OK,
          "PUBLISH_DONE, uppercase auth_sign, keyed");
    CHECK(ev_done.event == LIVESIGN_HUAWEI_EVENT_PUBLISH_DONE && ev_done.user_args.ptr == NULL, "done fields");

    /* Failures, in order, with the event zero-filled. */
    CHECK(livesign_huawei_callback_verify(U8(key), 31, U8(publish), LEN(publish), t, 0, &bad) == LIVESIGN_INVALID_KEY,
          "short key");
    CHECK(bad.event == 0 && bad.domain.ptr == NULL && bad.auth_timestamp == 0, "zeroed");
    CHECK(livesign_huawei_callback_verify(U8(key), LEN(key), U8(publish), LEN(publish) - 1, t, 0, &bad) ==
              LIVESIGN_MALFORMED,
          "truncated");
    CHECK(livesign_huawei_callback_verify(U8(key), LEN(key), U8(dup), LEN(dup), t, 0, &bad) == LIVESIGN_MALFORMED,
          "duplicate key");
    CHECK(livesign_huawei_callback_verify(U8(key), LEN(key), U8(publish), LEN(publish), t + 1, 0, &bad) ==
              LIVESIGN_EXPIRED,
          "expired");
    CHECK(livesign_huawei_callback_verify(NULL, 5, U8(publish), LEN(publish), t, 0, &bad) ==
              LIVESIGN_INVALID_ARGUMENT,
          "NULL key");
    CHECK(livesign_huawei_callback_verify(U8(key), LEN(key), NULL, 5, t, 0, NULL) == LIVESIGN_INVALID_ARGUMENT,
          "NULL body");
    livesign_hmac_key_wipe(&wiped);
    CHECK(livesign_huawei_callback_verify_keyed(&wiped, U8(done), LEN(done), t, 0, &bad) ==
              LIVESIGN_INVALID_ARGUMENT,
          "wiped key");
    CHECK(livesign_huawei_sign(U8(key), LEN(key), U8("P"), 1, NULL, 0, NULL, 0, NULL, 0, t, NULL) ==
              LIVESIGN_INVALID_ARGUMENT,
          "NULL out");
    CHECK(livesign_huawei_sign(U8(key), LEN(key), U8("\xff"), 1, NULL, 0, NULL, 0, NULL, 0, t, out) ==
              LIVESIGN_INVALID_ARGUMENT,
          "not UTF-8");
    CHECK(livesign_huawei_sign_keyed(NULL, U8("P"), 1, NULL, 0, NULL, 0, NULL, 0, t, out) ==
              LIVESIGN_INVALID_ARGUMENT,
          "NULL context");
    CHECK(LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP == 9999999999ull &&
              livesign_huawei_sign(U8(key), LEN(key), U8("P"), 1, NULL, 0, NULL, 0, NULL, 0,
                                   LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP, out) == LIVESIGN_OK,
          "10-digit auth_timestamp");
    CHECK(livesign_huawei_sign(NULL, 0, U8("P"), 1, NULL, 0, NULL, 0, NULL, 0, LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP + 1,
                               out) == LIVESIGN_INVALID_ARGUMENT,
          "11-digit auth_timestamp, before the key");
    CHECK(LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP == 1000000000ull &&
              livesign_huawei_sign(U8(key), LEN(key), U8("P"), 1, NULL, 0, NULL, 0, NULL, 0,
                                   LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP, out) == LIVESIGN_OK,
          "the first 10-digit auth_timestamp");
    CHECK(livesign_huawei_sign(NULL, 0, U8("P"), 1, NULL, 0, NULL, 0, NULL, 0, LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP - 1,
                               out) == LIVESIGN_INVALID_ARGUMENT,
          "9-digit auth_timestamp, before the key");
    {
        /* room1 + 1587954140 is also room11 + 587954140 (1988): a leeway of decades reaches that
           time, so only the 10-digit form refuses the re-cut notification. */
        uint8_t recut_sign[LIVESIGN_HUAWEI_SIGN_LEN];
        char recut[256];
        int m;
        CHECK(livesign_huawei_sign(U8(key), LEN(key), U8("PUBLISH"), 7, U8("d"), 1, U8("live"), 4, U8("room1"), 5, t,
                                   recut_sign) == LIVESIGN_OK,
              "room1 signed");
        m = snprintf(recut, sizeof recut,
                     "{\"event\":\"PUBLISH\",\"domain\":\"d\",\"app\":\"live\",\"stream\":\"room11\","
                     "\"auth_timestamp\":587954140,\"auth_sign\":\"%.64s\"}",
                     (const char *)recut_sign);
        CHECK(m > 0 && (size_t)m < sizeof recut, "re-cut body fits");
        CHECK(livesign_huawei_callback_verify(U8(key), LEN(key), U8(recut), (size_t)m, t, UINT32_MAX, NULL) ==
                  LIVESIGN_MALFORMED,
              "a digit moved out of auth_timestamp is malformed whatever the leeway");
    }
    CHECK(livesign_huawei_sign(U8(key), LEN(key), U8("PUBLISH"), 7, U8("push.example.com"), 16, U8("live"), 4,
                               U8("example_stream"), 14, t, out) == LIVESIGN_OK &&
              memcmp(out, sign, 64) == 0,
          "seed fields signed");

    /* Event ids. */
    CHECK(livesign_huawei_event_id(&ev_publish, NULL, 0, &len) == LIVESIGN_BUFFER_TOO_SMALL && len == 55,
          "event id size");
    CHECK(livesign_huawei_event_id(&ev_publish, out, sizeof out, &len) == LIVESIGN_OK && len == 55 &&
              memcmp(out, "push.example.com/live/example_stream/1587954134/PUBLISH", 55) == 0,
          "event id");
    CHECK(livesign_huawei_event_id(&ev_done, out, sizeof out, &len) == LIVESIGN_OK &&
              memcmp(out, "push.example.com/live/example_stream/1587954134/PUBLISH_DONE", 60) == 0,
          "event id done");
    CHECK(livesign_huawei_event_id(NULL, out, sizeof out, &len) == LIVESIGN_INVALID_ARGUMENT && len == 0, "NULL event");
    /* Replay ids: the signed fields, whatever publish_timestamp says. */
    CHECK(livesign_huawei_replay_id(&ev_publish, out, sizeof out, &len) == LIVESIGN_OK && len == 55 &&
              memcmp(out, "push.example.com/live/example_stream/1587954140/PUBLISH", 55) == 0,
          "replay id");
    {
        livesign_huawei_event replayed = ev_publish;
        replayed.publish_timestamp.len = 0;
        CHECK(livesign_huawei_replay_id(&replayed, out, sizeof out, &len) == LIVESIGN_OK && len == 55 &&
                  memcmp(out, "push.example.com/live/example_stream/1587954140/PUBLISH", 55) == 0,
              "replay id ignores publish_timestamp");
    }
    CHECK(livesign_huawei_replay_id(&ev_publish, out, 54, &len) == LIVESIGN_BUFFER_TOO_SMALL && len == 55,
          "replay id size");

    /* Ordering: the session's PUBLISH_DONE first, then its late PUBLISH. */
    memset(&state, 0, sizeof state);
    CHECK(state.state == LIVESIGN_HUAWEI_STREAM_UNSEEN, "zero state");
    CHECK(livesign_huawei_stream_apply(&state, &ev_done, &verdict) == LIVESIGN_OK &&
              verdict == LIVESIGN_HUAWEI_STREAM_ENDED,
          "done first: ended");
    CHECK(livesign_huawei_stream_apply(&state, &ev_publish, &verdict) == LIVESIGN_OK &&
              verdict == LIVESIGN_HUAWEI_STREAM_STALE,
          "late publish: stale");
    CHECK(state.state == LIVESIGN_HUAWEI_STREAM_ENDED && state.publish_timestamp == 1587954134u, "still ended");
    memset(&state, 0, sizeof state);
    CHECK(livesign_huawei_stream_apply(&state, &ev_publish, &verdict) == LIVESIGN_OK &&
              verdict == LIVESIGN_HUAWEI_STREAM_LIVE,
          "in order: live");
    CHECK(livesign_huawei_stream_apply(&state, &ev_done, &verdict) == LIVESIGN_OK &&
              verdict == LIVESIGN_HUAWEI_STREAM_ENDED,
          "in order: ended");
    bad = ev_publish;
    bad.publish_time_valid = 0;
    CHECK(livesign_huawei_stream_apply(&state, &bad, &verdict) == LIVESIGN_MALFORMED && verdict == 0, "no time");
    state.state = 9;
    CHECK(livesign_huawei_stream_apply(&state, &ev_publish, &verdict) == LIVESIGN_INVALID_ARGUMENT, "bad state");
    CHECK(livesign_huawei_stream_apply(&state, &ev_publish, NULL) == LIVESIGN_INVALID_ARGUMENT, "NULL verdict");
}

static void check_url_contract(void) {
    static const char key[] = "GCTbw44s6MPLh4GqgDpnfuFHgy25Enly";
    static const char digits[] = "01234567890123456789012345678901";
    static const char url[] = "/live/huawei1?hwSecret=ce201856a0957413319e883c8ccae13602f01d3d91e21daf5161964cf708a6a8"
                              "&hwTime=5eed5888";
    static const char b_url[] = "/live/huawei1.flv?txSecret=5cdc845362c332a4ec3e09ac5d5571d6&txTime=5eed5888";
    livesign_slice ring[LIVESIGN_MAX_KEYS + 1];
    livesign_hmac_key ctx[1];
    uint8_t out[LIVESIGN_HUAWEI_URL_A_MAX_LEN];
    size_t len = 5, i;

    for (i = 0; i < LIVESIGN_MAX_KEYS + 1; i++) {
        ring[i].ptr = U8(key);
        ring[i].len = LEN(key);
    }
    CHECK(LIVESIGN_HUAWEI_URL_KEY_LEN == 32 && LIVESIGN_HUAWEI_URL_MIN_DURATION_S == 60 &&
              LIVESIGN_HUAWEI_URL_MAX_DURATION_S == 2592000,
          "url constants");
    CHECK(livesign_huawei_url_a_build(U8(digits), 32, U8("/a"), 2, 1, LIVESIGN_HUAWEI_TIME_DECIMAL, U8("0"), 1, U8("0"),
                                      1, out, sizeof out, &len) == LIVESIGN_INVALID_KEY &&
              len == 0,
          "all-digit key");
    CHECK(livesign_huawei_url_a_build(U8(key), 32, U8("/a"), 2, 1, 7, U8("0"), 1, U8("0"), 1, out, sizeof out, &len) ==
              LIVESIGN_INVALID_ARGUMENT,
          "bad time format");
    CHECK(LIVESIGN_HUAWEI_URL_A_MAX_HEX_TIMESTAMP == 0xffffffffull &&
              livesign_huawei_url_a_build(U8(key), 32, U8("/a"), 2, LIVESIGN_HUAWEI_URL_A_MAX_HEX_TIMESTAMP,
                                          LIVESIGN_HUAWEI_TIME_HEX, U8("0"), 1, U8("0"), 1, out, sizeof out,
                                          &len) == LIVESIGN_OK &&
              len > 18 && memcmp(out, "auth_key=ffffffff-", 18) == 0,
          "hex times up to 8 digits");
    CHECK(livesign_huawei_url_a_build(U8(key), 32, U8("/a"), 2, LIVESIGN_HUAWEI_URL_A_MAX_HEX_TIMESTAMP + 1,
                                      LIVESIGN_HUAWEI_TIME_HEX, U8("0"), 1, U8("0"), 1, out, sizeof out,
                                      &len) == LIVESIGN_INVALID_ARGUMENT &&
              len == 0,
          "no 9-digit hex time");
    CHECK(livesign_huawei_url_a_build(U8(key), 32, U8("/a"), 2, 1, 0, U8("0"), 1, U8("0"), 1, out, sizeof out, NULL) ==
              LIVESIGN_INVALID_ARGUMENT,
          "NULL out_len");
    CHECK(livesign_huawei_url_a_verify(ring, LIVESIGN_MAX_KEYS + 1, U8(url), LEN(url), 0, 0, 60, 0, NULL) ==
              LIVESIGN_INVALID_ARGUMENT,
          "too many keys");
    CHECK(livesign_huawei_url_a_verify(ring, 1, U8(url), LEN(url), 0, 0, 59, 0, NULL) == LIVESIGN_INVALID_ARGUMENT,
          "short duration");
    CHECK(livesign_huawei_url_a_verify(ring, 1, U8(url), LEN(url), 0, 0, 60, 0, NULL) == LIVESIGN_MALFORMED,
          "no auth_key");
    CHECK(livesign_huawei_url_d_verify(ring, LIVESIGN_MAX_KEYS, U8("huawei1"), 7, U8(url), LEN(url), 0x5eed5888u, 60,
                                       0, NULL) == LIVESIGN_OK,
          "a full ring");
    CHECK(livesign_huawei_url_d_verify(ring, 1, NULL, 0, U8(url), LEN(url), 0, 60, 0, NULL) ==
              LIVESIGN_INVALID_ARGUMENT,
          "empty stream");
    ring[0].ptr = U8(digits);
    CHECK(livesign_huawei_url_d_verify(ring, 2, U8("huawei1"), 7, U8(url), LEN(url), 0, 60, 0, NULL) ==
              LIVESIGN_INVALID_KEY,
          "a bad key in the ring");
    ctx[0] = load(U8(digits), 32);
    CHECK(livesign_huawei_url_d_verify_keyed(ctx, 1, U8("huawei1"), 7, U8(url), LEN(url), 0, 60, 0, NULL) ==
              LIVESIGN_SIGNATURE_MISMATCH,
          "a context shows only its length");
    CHECK(livesign_huawei_url_d_verify_keyed(NULL, 1, U8("huawei1"), 7, U8(url), LEN(url), 0, 60, 0, NULL) ==
              LIVESIGN_INVALID_ARGUMENT,
          "NULL contexts");
    CHECK(livesign_huawei_url_d_build(U8(key), 32, U8("s"), 1, 0x5eed5888u, NULL, 5, &len) ==
              LIVESIGN_INVALID_ARGUMENT,
          "NULL out with capacity");
    CHECK(LIVESIGN_HUAWEI_URL_D_MAX_LEN == 89 && LIVESIGN_HUAWEI_URL_D_MAX_HW_TIME == 0xffffffffull, "d constants");
    CHECK(livesign_huawei_url_d_build(U8(key), 32, U8("s"), 1, LIVESIGN_HUAWEI_URL_D_MAX_HW_TIME, out, sizeof out,
                                      &len) == LIVESIGN_OK &&
              len == LIVESIGN_HUAWEI_URL_D_MAX_LEN && memcmp(out + len - 8, "ffffffff", 8) == 0,
          "d longest query");
    CHECK(livesign_huawei_url_d_build(U8(key), 32, U8("s"), 1, LIVESIGN_HUAWEI_URL_D_MAX_HW_TIME + 1, out, sizeof out,
                                      &len) == LIVESIGN_INVALID_ARGUMENT &&
              len == 0,
          "d hw_time too large");
    CHECK(LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME == 0x10000000ull &&
              livesign_huawei_url_d_build(U8(key), 32, U8("s"), 1, LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME, out, sizeof out,
                                          &len) == LIVESIGN_OK &&
              len == LIVESIGN_HUAWEI_URL_D_MAX_LEN && memcmp(out + len - 8, "10000000", 8) == 0,
          "d earliest query: 8 digits too");
    CHECK(livesign_huawei_url_d_build(U8(key), 32, U8("s"), 1, LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME - 1, out, sizeof out,
                                      &len) == LIVESIGN_INVALID_ARGUMENT &&
              len == 0,
          "d hw_time of 7 digits");

    /* Method B. */
    CHECK(LIVESIGN_HUAWEI_URL_B_MAX_LEN == 57 && LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME == 0xffffffffull, "b constants");
    CHECK(livesign_huawei_url_b_build(U8(key), 32, U8("s"), 1, LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME, out, sizeof out,
                                      &len) == LIVESIGN_OK &&
              len == LIVESIGN_HUAWEI_URL_B_MAX_LEN && memcmp(out + len - 8, "ffffffff", 8) == 0,
          "b longest query");
    CHECK(livesign_huawei_url_b_build(U8(key), 32, U8("s"), 1, LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME + 1, out, sizeof out,
                                      &len) == LIVESIGN_INVALID_ARGUMENT &&
              len == 0,
          "b tx_time too large");
    CHECK(LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME == 0x10000000ull &&
              livesign_huawei_url_b_build(U8(key), 32, U8("s"), 1, LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME, out, sizeof out,
                                          &len) == LIVESIGN_OK &&
              len == LIVESIGN_HUAWEI_URL_B_MAX_LEN && memcmp(out + len - 8, "10000000", 8) == 0,
          "b earliest query: 8 digits too");
    CHECK(livesign_huawei_url_b_build(U8(digits), 32, U8("s"), 1, LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME - 1, out,
                                      sizeof out, &len) == LIVESIGN_INVALID_ARGUMENT &&
              len == 0,
          "b tx_time of 7 digits, before the key");
    CHECK(livesign_huawei_url_b_build(U8(digits), 32, U8("s"), 1, 0x5eed5888u, out, sizeof out, &len) ==
              LIVESIGN_INVALID_KEY,
          "b all-digit key");
    CHECK(livesign_huawei_url_b_build(U8(digits), 32, NULL, 0, 0x5eed5888u, out, sizeof out, &len) ==
              LIVESIGN_INVALID_ARGUMENT,
          "b empty stream before the key");
    CHECK(livesign_huawei_url_b_build(U8(key), 32, U8("\xff"), 1, 0x5eed5888u, out, sizeof out, &len) ==
              LIVESIGN_INVALID_ARGUMENT,
          "b stream not UTF-8");
    CHECK(livesign_huawei_url_b_build(U8(key), 32, U8("s"), 1, 0x5eed5888u, out, sizeof out, NULL) ==
              LIVESIGN_INVALID_ARGUMENT,
          "b NULL out_len");
    CHECK(livesign_huawei_url_b_build(U8(key), 32, U8("s"), 1, 0x5eed5888u, out, 10, &len) ==
                  LIVESIGN_BUFFER_TOO_SMALL &&
              len == LIVESIGN_HUAWEI_URL_B_MAX_LEN,
          "b small buffer: every query has an 8-digit time");
    ring[0].ptr = U8(key);
    CHECK(livesign_huawei_url_b_verify(ring, LIVESIGN_MAX_KEYS + 1, U8("huawei1"), 7, U8(b_url), LEN(b_url), 0, 60, 0,
                                       NULL) == LIVESIGN_INVALID_ARGUMENT,
          "b too many keys");
    CHECK(livesign_huawei_url_b_verify(ring, LIVESIGN_MAX_KEYS, U8("huawei1"), 7, U8(b_url), LEN(b_url), 0x5eed5888u,
                                       60, 0, NULL) == LIVESIGN_OK,
          "b a full ring");
    CHECK(livesign_huawei_url_b_verify(ring, 1, U8("huawei1"), 7, U8(b_url), LEN(b_url), 0, 59, 0, NULL) ==
              LIVESIGN_INVALID_ARGUMENT,
          "b short duration");
    CHECK(livesign_huawei_url_b_verify(ring, 1, U8("huawei1"), 7, U8(b_url), LEN(b_url), 0, 2592001, 0, NULL) ==
              LIVESIGN_INVALID_ARGUMENT,
          "b long duration");
    CHECK(livesign_huawei_url_b_verify(ring, 1, NULL, 0, U8(b_url), LEN(b_url), 0, 60, 0, NULL) ==
              LIVESIGN_INVALID_ARGUMENT,
          "b empty stream");
    CHECK(livesign_huawei_url_b_verify(ring, 1, U8("huawei1"), 7, U8(url), LEN(url), 0, 60, 0, NULL) ==
              LIVESIGN_MALFORMED,
          "b no txSecret");
    CHECK(livesign_huawei_url_b_verify(NULL, 1, U8("huawei1"), 7, U8(b_url), LEN(b_url), 0, 60, 0, NULL) ==
              LIVESIGN_INVALID_ARGUMENT,
          "b NULL keys");
    ring[0].ptr = U8(digits);
    CHECK(livesign_huawei_url_b_verify(ring, 2, U8("huawei1"), 7, U8(b_url), LEN(b_url), 0, 60, 0, NULL) ==
              LIVESIGN_INVALID_KEY,
          "b a bad key in the ring");
    CHECK(livesign_huawei_url_d_build_keyed(NULL, U8("s"), 1, 1, out, sizeof out, &len) == LIVESIGN_INVALID_ARGUMENT,
          "NULL context");
}

static void check_callback_contract(void) {
    static const char key[] = "abcdefghijklmnopqrstuvwxyz012345";
    uint8_t out[LIVESIGN_HUAWEI_SIGN_LEN];
    livesign_hmac_key k = load(U8(key), 31);

    memset(out, '#', sizeof out);
    CHECK(livesign_huawei_record_sign(U8(key), 31, 1700000000u, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0,
                                      out) ==
              LIVESIGN_INVALID_KEY,
          "record key too short");
    CHECK(livesign_huawei_record_sign_keyed(&k, 1700000000u, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, out) ==
              LIVESIGN_INVALID_KEY,
          "record keyed key too short");
    CHECK(livesign_huawei_record_sign(U8(key), 32, 1700000000u, NULL, 3, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0,
                                      out) ==
              LIVESIGN_INVALID_ARGUMENT,
          "record NULL field");
    CHECK(out[0] == '#', "out untouched");
    CHECK(livesign_huawei_record_verify(U8(key), 32, 1700000000u, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0,
                                       U8("zz"), 2, 1, 0) == LIVESIGN_MALFORMED,
          "record short sign");
    {
        /* HMACSHA256's auth_timestamp has exactly 10 digits: 1700000000 + RECORD_OVER is also
           170000000 + 0RECORD_OVER (1975), which a leeway of decades reaches. */
        uint8_t signed_[LIVESIGN_HUAWEI_SIGN_LEN];
        CHECK(livesign_huawei_record_sign(U8(key), 32, 1700000000u, U8("RECORD_OVER"), 11, NULL, 0, NULL, 0, NULL, 0,
                                          NULL, 0, NULL, 0, signed_) == LIVESIGN_OK,
              "record signed");
        CHECK(livesign_huawei_record_verify(U8(key), 32, 170000000u, U8("0RECORD_OVER"), 12, NULL, 0, NULL, 0, NULL, 0,
                                            NULL, 0, NULL, 0, signed_, 64, 1700000000u,
                                            UINT32_MAX) == LIVESIGN_MALFORMED,
              "record: a digit moved out of auth_timestamp is malformed whatever the leeway");
        CHECK(livesign_huawei_record_sign(U8(key), 31, LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP - 1, NULL, 0, NULL, 0, NULL, 0,
                                          NULL, 0, NULL, 0, NULL, 0, out) == LIVESIGN_INVALID_ARGUMENT,
              "record 9-digit auth_timestamp, before the key");
        CHECK(livesign_huawei_record_sign(U8(key), 32, LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP + 1, NULL, 0, NULL, 0, NULL, 0,
                                          NULL, 0, NULL, 0, NULL, 0, out) == LIVESIGN_INVALID_ARGUMENT,
              "record 11-digit auth_timestamp");
        CHECK(livesign_huawei_record_sign_keyed(&k, LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP - 1, NULL, 0, NULL, 0, NULL, 0,
                                                NULL, 0, NULL, 0, NULL, 0, out) == LIVESIGN_INVALID_ARGUMENT,
              "record keyed 9-digit auth_timestamp, before the key");
    }
    CHECK(livesign_huawei_record_verify_keyed(NULL, 1, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, out, 64,
                                             1, 0) == LIVESIGN_INVALID_ARGUMENT,
          "record NULL context");
    CHECK(livesign_huawei_record_md5_sign(U8(key), 32, 1, NULL) == LIVESIGN_INVALID_ARGUMENT, "md5 NULL out");
    CHECK(livesign_huawei_record_md5_verify(U8(key), 31, 1, out, 32, 1, 0) == LIVESIGN_INVALID_KEY, "md5 short key");
    CHECK(livesign_huawei_sparkrtc_sign(U8(key), 32, NULL, 0, U8("x1"), 2, NULL, 0, out) ==
              LIVESIGN_INVALID_ARGUMENT,
          "sparkrtc bad timestamp");
    CHECK(livesign_huawei_sparkrtc_sign_keyed(NULL, NULL, 0, U8("1700000000"), 10, NULL, 0, out) ==
              LIVESIGN_INVALID_ARGUMENT,
          "sparkrtc NULL context");
    CHECK(livesign_huawei_sparkrtc_verify(U8(key), 32, NULL, 0, U8("1700000000"), 10, NULL, 0, out, 63, 1, 0) ==
              LIVESIGN_MALFORMED,
          "sparkrtc short signature");
    CHECK(livesign_huawei_sparkrtc_sign(U8(key), 32, NULL, 0, U8("17000000000"), 11, NULL, 0, out) ==
              LIVESIGN_INVALID_ARGUMENT,
          "sparkrtc 11-digit timestamp: neither seconds nor milliseconds");
    CHECK(livesign_huawei_sparkrtc_verify_keyed(&k, NULL, 0, U8("1x"), 2, NULL, 0, out, 64, 1, 0) ==
              LIVESIGN_MALFORMED,
          "sparkrtc keyed bad timestamp");
}

int main(void) {
    char line[8192];
    int vectors = 0;
    check_contract();
    check_url_contract();
    check_callback_contract();
    while (fgets(line, sizeof line, stdin)) {
        char *f[16];
        int n = 0;
        char *tok = strtok(line, " \n");
        while (tok && n < 16) {
            f[n++] = tok;
            tok = strtok(NULL, " \n");
        }
        if (n == 0) continue;
        if (strcmp(f[0], "notify") == 0 && n == 10) {
            check_notify(f + 1);
        } else if (strcmp(f[0], "url_a") == 0 && n == 9) {
            check_url_a(f + 1);
        } else if (strcmp(f[0], "url_b") == 0 && n == 5) {
            check_url_b(f + 1);
        } else if (strcmp(f[0], "url_d") == 0 && n == 6) {
            check_url_d(f + 1);
        } else if (strcmp(f[0], "record") == 0 && n == 10) {
            check_record(f + 1);
        } else if (strcmp(f[0], "record_md5") == 0 && n == 4) {
            check_record_md5(f + 1);
        } else if (strcmp(f[0], "sparkrtc") == 0 && n == 6) {
            check_sparkrtc(f + 1);
        } else {
            fprintf(stderr, "bad input line: %s (%d fields)\n", f[0], n);
            return 2;
        }
        vectors++;
    }
    printf("C huawei: %d vectors, %d checks, %d failures\n", vectors, checks, failures);
    return failures == 0 && vectors > 0 ? 0 : 1;
}
