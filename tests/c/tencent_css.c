/* C test of the Tencent CSS API beyond t + sign: event callbacks, push/play URLs with
 * txSecret/txTime, legacy API requests and responses, the error catalog, and the JSON
 * unescape helper. Compiled against include/livesign.h and the static library by
 * tests/c_tencent_css.rs.
 *
 * stdin: one vector per line, from tests/vectors/tx_url.json:
 *   url <key> <stream> <expiry> <tx_time> <tx_secret> <url>
 *   callback <key> <t> <sign>
 */
#include "livesign.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define U8(s) ((const uint8_t *)(s))
/* A string literal as a (pointer, length) pair. */
#define LIT(s) U8(s), (sizeof(s) - 1)

static int slice_is(livesign_slice s, const char *text) {
    size_t n = strlen(text);
    return s.ptr != NULL && s.len == n && memcmp(s.ptr, text, n) == 0;
}

static int slice_absent(livesign_slice s) { return s.ptr == NULL && s.len == 0; }

static int event_is_zero(const livesign_tencent_event *e) {
    return e->event_type == 0 && e->t == 0 && slice_absent(e->stream_id) && slice_absent(e->channel_id) &&
           slice_absent(e->app) && slice_absent(e->appname);
}

/* ---------------------------------------------------------------- callbacks */

static const int64_t EVENT_TYPES[] = {
    LIVESIGN_TENCENT_EVENT_STREAM_END,    LIVESIGN_TENCENT_EVENT_STREAM_BEGIN,
    LIVESIGN_TENCENT_EVENT_RECORD_FILE,   LIVESIGN_TENCENT_EVENT_SNAPSHOT,
    LIVESIGN_TENCENT_EVENT_PORN_DETECTION, LIVESIGN_TENCENT_EVENT_RECORD_STATUS,
    12345,
};

static void check_callback_vector(const char *key, uint64_t t, const char *sign) {
    char body[1024];
    livesign_tencent_event e;
    size_t key_len = strlen(key);
    size_t i;
    int n;

    for (i = 0; i < sizeof EVENT_TYPES / sizeof EVENT_TYPES[0]; i++) {
        n = snprintf(body, sizeof body,
                     "{\"app\":\"push.example.com\",\"appname\":\"live\",\"stream_id\":\"room_42\","
                     "\"channel_id\":\"room_42\",\"event_type\":%lld,\"t\":%llu,\"sign\":\"%s\","
                     "\"node\":\"100.121.160.92\",\"record_event\":{\"k\":[1,2]}}",
                     (long long)EVENT_TYPES[i], (unsigned long long)t, sign);
        CHECK(n > 0 && (size_t)n < sizeof body, "body fits");
        CHECK(livesign_tencent_callback_verify(U8(key), key_len, U8(body), (size_t)n, t, 0, &e) == LIVESIGN_OK,
              "callback verifies");
        CHECK(e.event_type == EVENT_TYPES[i] && e.t == t, "event type and t");
        CHECK(slice_is(e.stream_id, "room_42") && slice_is(e.channel_id, "room_42"), "stream fields");
        CHECK(slice_is(e.app, "push.example.com") && slice_is(e.appname, "live"), "app fields");
        CHECK(livesign_tencent_callback_verify(U8(key), key_len, U8(body), (size_t)n, t - 600, 0, NULL) ==
                  LIVESIGN_OK,
              "sent 600 s before t, NULL event");
        CHECK(livesign_tencent_callback_verify(U8(key), key_len, U8(body), (size_t)n, t + 1, 0, &e) ==
                  LIVESIGN_EXPIRED,
              "expired");
        CHECK(event_is_zero(&e), "zero-filled after expiry");
        CHECK(livesign_tencent_callback_verify(U8(key), key_len, U8(body), (size_t)n, t + 3, 3, &e) == LIVESIGN_OK,
              "leeway");
        CHECK(livesign_tencent_callback_verify(LIT("wrong"), U8(body), (size_t)n, t + 99, 0, &e) ==
                  LIVESIGN_SIGNATURE_MISMATCH,
              "wrong key: sign invalid before time expired");
        CHECK(event_is_zero(&e), "zero-filled after mismatch");
        /* Every truncation is malformed. */
        {
            int cut, all_malformed = 1;
            for (cut = 0; cut < n; cut++) {
                if (livesign_tencent_callback_verify(U8(key), key_len, U8(body), (size_t)cut, t, 0, NULL) !=
                    LIVESIGN_MALFORMED)
                    all_malformed = 0;
            }
            CHECK(all_malformed, "truncated bodies are malformed");
        }
    }

    /* t as a string; no event_type. */
    n = snprintf(body, sizeof body, "{\"t\":\"%llu\",\"sign\":\"%s\"}", (unsigned long long)t, sign);
    CHECK(livesign_tencent_callback_verify(U8(key), key_len, U8(body), (size_t)n, t, 0, &e) == LIVESIGN_OK,
          "t as a string");
    CHECK(e.event_type == LIVESIGN_TENCENT_EVENT_NONE && slice_absent(e.stream_id), "absent fields");

    /* Duplicated t or sign (escaped names count), non-canonical t: malformed. */
    n = snprintf(body, sizeof body, "{\"t\":%llu,\"sign\":\"%s\",\"\\u0074\":%llu}", (unsigned long long)t, sign,
                 (unsigned long long)t);
    CHECK(livesign_tencent_callback_verify(U8(key), key_len, U8(body), (size_t)n, t, 0, &e) == LIVESIGN_MALFORMED,
          "duplicate t");
    n = snprintf(body, sizeof body, "{\"t\":%llu,\"sign\":\"%s\",\"sign\":\"%s\"}", (unsigned long long)t, sign,
                 sign);
    CHECK(livesign_tencent_callback_verify(U8(key), key_len, U8(body), (size_t)n, t, 0, &e) == LIVESIGN_MALFORMED,
          "duplicate sign");
    n = snprintf(body, sizeof body, "{\"t\":\"0%llu\",\"sign\":\"%s\"}", (unsigned long long)t, sign);
    CHECK(livesign_tencent_callback_verify(U8(key), key_len, U8(body), (size_t)n, t, 0, &e) == LIVESIGN_MALFORMED,
          "leading zero");
    n = snprintf(body, sizeof body, "{\"t\":%llu,\"sign\":\"%s\"}", (unsigned long long)(t + 1), sign);
    CHECK(livesign_tencent_callback_verify(U8(key), key_len, U8(body), (size_t)n, t, 0, &e) ==
              LIVESIGN_SIGNATURE_MISMATCH,
          "tampered t");
    CHECK(event_is_zero(&e), "zero-filled");
}

static void check_callback_helpers(void) {
    static const char body[] =
        "{\"t\":1703732078,\"sign\":\"3751b0bc2a028ea73beb2b7b167d2e04\",\"stream_id\":\"a\\\"b\\u00e9\","
        "\"output\":{\"x\":[1]},\"n\":-2.5}";
    livesign_tencent_event e;
    livesign_slice field;
    uint8_t text[32];
    size_t len = 99;

    CHECK(livesign_tencent_callback_verify(LIT("callbackKey123"), U8(body), sizeof body - 1, 1703732078, 0, &e) ==
              LIVESIGN_OK,
          "escaped value");
    CHECK(slice_is(e.stream_id, "a\\\"b\\u00e9"), "raw text between the quotes");
    CHECK(livesign_json_unescape(e.stream_id.ptr, e.stream_id.len, text, sizeof text, &len) == LIVESIGN_OK,
          "unescape");
    CHECK(len == 5 && memcmp(text, "a\"b\xc3\xa9", 5) == 0, "unescaped text");
    CHECK(livesign_json_unescape(e.stream_id.ptr, e.stream_id.len, NULL, 0, &len) == LIVESIGN_BUFFER_TOO_SMALL &&
              len == 5,
          "unescape size query");
    CHECK(livesign_json_unescape(LIT("\\x"), text, sizeof text, &len) == LIVESIGN_MALFORMED && len == 0,
          "bad escape");
    CHECK(livesign_json_unescape(LIT("a\"b"), text, sizeof text, &len) == LIVESIGN_MALFORMED, "bare quote");
    CHECK(livesign_json_unescape(LIT("x"), text, sizeof text, NULL) == LIVESIGN_INVALID_ARGUMENT, "NULL out_len");

    CHECK(livesign_tencent_callback_field(U8(body), sizeof body - 1, LIT("output"), &field) == LIVESIGN_OK &&
              slice_is(field, "{\"x\":[1]}"),
          "object field");
    CHECK(livesign_tencent_callback_field(U8(body), sizeof body - 1, LIT("n"), &field) == LIVESIGN_OK &&
              slice_is(field, "-2.5"),
          "number field");
    CHECK(livesign_tencent_callback_field(U8(body), sizeof body - 1, LIT("x"), &field) == LIVESIGN_OK &&
              slice_absent(field),
          "absent field");
    CHECK(livesign_tencent_callback_field(LIT("{\"a\":1,\"a\":2}"), LIT("a"), &field) == LIVESIGN_MALFORMED &&
              slice_absent(field),
          "duplicate field");
    CHECK(livesign_tencent_callback_field(U8(body), sizeof body - 1, LIT("\xff"), &field) ==
              LIVESIGN_INVALID_ARGUMENT,
          "name not UTF-8");
    CHECK(livesign_tencent_callback_field(U8(body), sizeof body - 1, LIT("n"), NULL) == LIVESIGN_INVALID_ARGUMENT,
          "NULL out");
    CHECK(livesign_tencent_callback_verify(NULL, 0, U8(body), sizeof body - 1, 0, 0, &e) == LIVESIGN_INVALID_KEY,
          "empty key");
    CHECK(livesign_tencent_callback_verify(LIT("k"), NULL, 4, 0, 0, &e) == LIVESIGN_INVALID_ARGUMENT,
          "NULL body");
}

/* ---------------------------------------------------------------- URLs */

static void check_url_vector(const char *key, const char *stream, uint64_t expiry, const char *tx_time,
                             const char *secret, const char *url) {
    uint8_t out[LIVESIGN_TENCENT_TX_SECRET_LEN];
    livesign_slice ring[2];
    livesign_tencent_url_info info;
    size_t matched = 99;
    char hex[32];
    const char *path = strstr(url, "/live/");

    CHECK(livesign_tencent_url_secret(U8(key), strlen(key), U8(stream), strlen(stream), U8(tx_time),
                                      strlen(tx_time), out) == LIVESIGN_OK,
          "secret");
    CHECK(memcmp(out, secret, LIVESIGN_TENCENT_TX_SECRET_LEN) == 0, url);

    ring[0].ptr = U8("old-primary");
    ring[0].len = 11;
    ring[1].ptr = U8(key);
    ring[1].len = strlen(key);
    CHECK(livesign_tencent_url_verify(ring, 2, U8(url), strlen(url), 0, expiry, 0, &matched, &info) == LIVESIGN_OK,
          url);
    CHECK(matched == 1, "backup key matched");
    CHECK(slice_is(info.stream_name, stream) && slice_is(info.app, "live") && slice_is(info.tx_time, tx_time),
          "info slices");
    CHECK(info.expiry == expiry && info.valid_until == expiry, "info times");
    CHECK(livesign_tencent_url_verify(ring + 1, 1, U8(path), strlen(path), 0, expiry, 0, &matched, NULL) ==
                  LIVESIGN_OK &&
              matched == 0,
          "path and query only");
    matched = 99;
    CHECK(livesign_tencent_url_verify(ring, 2, U8(url), strlen(url), 0, expiry + 1, 0, &matched, &info) ==
              LIVESIGN_EXPIRED,
          "expired");
    CHECK(matched == 99 && slice_absent(info.app) && info.expiry == 0, "failure: matched untouched, info zeroed");
    CHECK(livesign_tencent_url_verify(ring, 2, U8(url), strlen(url), 30, expiry + 30, 0, NULL, &info) ==
                  LIVESIGN_OK &&
              info.valid_until == expiry + 30,
          "play validity period");
    CHECK(livesign_tencent_url_verify(ring, 1, U8(url), strlen(url), 0, expiry + 99, 0, NULL, NULL) ==
              LIVESIGN_SIGNATURE_MISMATCH,
          "wrong key: sign invalid before time expired");

    /* Read in its own txTime form the URL verifies the same; in the other form it is malformed. */
    {
        int decimal = strlen(tx_time) == 10;
        uint32_t own = decimal ? LIVESIGN_TENCENT_TX_TIME_DECIMAL : LIVESIGN_TENCENT_TX_TIME_HEX;
        uint32_t other = decimal ? LIVESIGN_TENCENT_TX_TIME_HEX : LIVESIGN_TENCENT_TX_TIME_DECIMAL;
        matched = 99;
        CHECK(livesign_tencent_url_verify_form(ring, 2, U8(url), strlen(url), own, 0, expiry, 0, &matched, &info) ==
                      LIVESIGN_OK &&
                  matched == 1 && slice_is(info.tx_time, tx_time) && info.expiry == expiry,
              "own txTime form");
        CHECK(livesign_tencent_url_verify_form(ring, 2, U8(url), strlen(url), LIVESIGN_TENCENT_TX_TIME_HEX_OR_DECIMAL, 0,
                                               expiry, 0, NULL, NULL) == LIVESIGN_OK,
              "either txTime form");
        matched = 99;
        CHECK(livesign_tencent_url_verify_form(ring, 2, U8(url), strlen(url), other, 0, expiry, 0, &matched, &info) ==
                      LIVESIGN_MALFORMED &&
                  matched == 99 && slice_absent(info.tx_time),
              "other txTime form");
        CHECK(livesign_tencent_url_verify_form(ring, 2, U8(url), strlen(url), 3, 0, expiry, 0, NULL, NULL) ==
                  LIVESIGN_INVALID_ARGUMENT,
              "unknown txTime form");
    }

    /* The builder writes uppercase hex: compare where the vector does too. */
    snprintf(hex, sizeof hex, "%llX", (unsigned long long)expiry);
    if (strcmp(hex, tx_time) == 0) {
        uint32_t kind = strncmp(url, "rtmp://", 7) == 0 ? LIVESIGN_TENCENT_URL_RTMP : LIVESIGN_TENCENT_URL_FLV;
        const char *domain = strstr(url, "://") + 3;
        size_t domain_len = (size_t)(strchr(domain, '/') - domain);
        uint8_t built[256];
        size_t len = 0;
        size_t want = livesign_tencent_url_build_len(kind, domain_len, 4, strlen(stream), expiry);
        CHECK(livesign_tencent_url_build(kind, U8(domain), domain_len, LIT("live"), U8(stream), strlen(stream),
                                         U8(key), strlen(key), expiry, NULL, 0, &len) == LIVESIGN_BUFFER_TOO_SMALL &&
                  len == want,
              "size query");
        CHECK(livesign_tencent_url_build(kind, U8(domain), domain_len, LIT("live"), U8(stream), strlen(stream),
                                         U8(key), strlen(key), expiry, built, sizeof built, &len) == LIVESIGN_OK,
              "build");
        CHECK(len == strlen(url) && memcmp(built, url, len) == 0, url);
    }
}

static void check_url_contract(void) {
    static const uint8_t key[] = "e12c46f2612d5106e2034781ab261ca3";
    static const uint32_t kinds[] = {LIVESIGN_TENCENT_URL_RTMP, LIVESIGN_TENCENT_URL_WEBRTC, LIVESIGN_TENCENT_URL_FLV,
                                     LIVESIGN_TENCENT_URL_HLS};
    livesign_slice ring[1];
    uint8_t url[256];
    size_t len, i, matched;
    livesign_tencent_url_info info;

    ring[0].ptr = key;
    ring[0].len = 32;
    CHECK(livesign_tencent_tx_secret_len() == LIVESIGN_TENCENT_TX_SECRET_LEN, "secret len");
    for (i = 0; i < 4; i++) {
        CHECK(livesign_tencent_url_build(kinds[i], LIT("play.example.com"), LIT("live"), LIT("s_1"), key, 32,
                                         LIVESIGN_TENCENT_URL_MAX_EXPIRY, url, sizeof url, &len) == LIVESIGN_OK,
              "build every kind");
        CHECK(len == livesign_tencent_url_build_len(kinds[i], 16, 4, 3, LIVESIGN_TENCENT_URL_MAX_EXPIRY), "length");
        CHECK(livesign_tencent_url_verify(ring, 1, url, len, 0, LIVESIGN_TENCENT_URL_MAX_EXPIRY, 0, &matched, &info) ==
                  LIVESIGN_OK,
              "round trip");
        CHECK(slice_is(info.stream_name, "s_1") && slice_is(info.tx_time, "FFFFFFFF"), "round trip info");
    }
    CHECK(livesign_tencent_url_build_len(0, 1, 1, 1, 0x5C271099u) == 0, "unknown kind");
    {
        /* The longest URL fits LIVESIGN_TENCENT_URL_MAX_LEN exactly. DNS allows no domain label
           over 63 characters and no name over 253: labels of 63, 63, 63, 61 and ":80" fill it. */
        static uint8_t names[LIVESIGN_MAX_ID_LEN], domain[LIVESIGN_MAX_ID_LEN];
        static uint8_t longest[LIVESIGN_TENCENT_URL_MAX_LEN];
        memset(names, 'a', sizeof names);
        memset(domain, 'd', sizeof domain);
        domain[63] = domain[127] = domain[191] = '.';
        memcpy(domain + 253, ":80", 3);
        CHECK(livesign_tencent_url_build(LIVESIGN_TENCENT_URL_HLS, domain, sizeof domain, names, sizeof names, names,
                                         sizeof names, key, 32, LIVESIGN_TENCENT_URL_MAX_EXPIRY, longest,
                                         sizeof longest, &len) == LIVESIGN_OK &&
                  len == LIVESIGN_TENCENT_URL_MAX_LEN,
              "the longest URL fits LIVESIGN_TENCENT_URL_MAX_LEN");
    }
    CHECK(livesign_tencent_url_build(LIVESIGN_TENCENT_URL_RTMP, LIT("h"), LIT("live"), LIT("s.flv"), key, 32,
                                     0x5C271099u, url, sizeof url, &len) == LIVESIGN_INVALID_ARGUMENT &&
              len == 0,
          "stream ending in .flv");
    CHECK(livesign_tencent_url_build(LIVESIGN_TENCENT_URL_RTMP, LIT("h"), LIT("live"), LIT("s"), key, 32,
                                     LIVESIGN_TENCENT_URL_MAX_EXPIRY + 1, url, sizeof url,
                                     &len) == LIVESIGN_INVALID_ARGUMENT,
          "expiry too large");
    /* txTime has exactly 8 hex digits: a shorter one would be a re-cut of another stream's URL,
       which a window of decades would still reach. */
    CHECK(LIVESIGN_TENCENT_URL_MIN_EXPIRY == 0x10000000ull &&
              livesign_tencent_url_build(LIVESIGN_TENCENT_URL_RTMP, LIT("h"), LIT("live"), LIT("s"), key, 32,
                                         LIVESIGN_TENCENT_URL_MIN_EXPIRY, url, sizeof url, &len) == LIVESIGN_OK &&
              memcmp(url + len - 8, "10000000", 8) == 0,
          "the earliest expiry: 8 digits");
    CHECK(livesign_tencent_url_build(LIVESIGN_TENCENT_URL_RTMP, LIT("h"), LIT("live"), LIT("s"), NULL, 0,
                                     LIVESIGN_TENCENT_URL_MIN_EXPIRY - 1, url, sizeof url,
                                     &len) == LIVESIGN_INVALID_ARGUMENT &&
              len == 0 &&
              livesign_tencent_url_build_len(LIVESIGN_TENCENT_URL_RTMP, 1, 4, 1, LIVESIGN_TENCENT_URL_MIN_EXPIRY - 1) ==
                  0,
          "expiry of 7 digits, before the key");
    {
        /* room1a + 6553FF10 is also room1a6 + 553FF10 (1972): malformed, whatever the window. */
        uint8_t secret[LIVESIGN_TENCENT_TX_SECRET_LEN];
        char recut[128];
        int m;
        CHECK(livesign_tencent_url_secret(key, 32, LIT("room1a"), LIT("6553FF10"), secret) == LIVESIGN_OK, "secret");
        m = snprintf(recut, sizeof recut, "/live/room1a6?txSecret=%.32s&txTime=553FF10", (const char *)secret);
        CHECK(m > 0 && (size_t)m < sizeof recut, "re-cut fits");
        CHECK(livesign_tencent_url_verify(ring, 1, (const uint8_t *)recut, (size_t)m, UINT32_MAX, 1700000000u,
                                          UINT32_MAX, NULL, NULL) == LIVESIGN_MALFORMED,
              "a txTime character moved out is malformed whatever the window");
        CHECK(livesign_tencent_url_secret(key, 32, LIT("room1a6"), LIT("553FF10"), secret) == LIVESIGN_MALFORMED,
              "no secret for a 7-digit txTime");
    }
    CHECK(livesign_tencent_url_build(LIVESIGN_TENCENT_URL_RTMP, LIT("h"), LIT("live"), LIT("s"), NULL, 0, 0x5C271099u,
                                     url, sizeof url, &len) == LIVESIGN_INVALID_KEY,
          "empty key");
    CHECK(livesign_tencent_url_build(LIVESIGN_TENCENT_URL_RTMP, LIT("h"), LIT("live"), LIT("s"), key, 32, 0x5C271099u,
                                     url, 4, &len) == LIVESIGN_BUFFER_TOO_SMALL &&
              len == livesign_tencent_url_build_len(LIVESIGN_TENCENT_URL_RTMP, 1, 4, 1, 0x5C271099u),
          "short buffer");
    CHECK(livesign_tencent_url_verify(ring, 1, LIT("rtmp://h/live/s?txTime=1"), 0, 0, 0, NULL, NULL) ==
              LIVESIGN_MALFORMED,
          "no txSecret");
    CHECK(livesign_tencent_url_verify(ring, 1, LIT("rtmp://h/s?txSecret=x&txTime=1"), 0, 0, 0, NULL, NULL) ==
              LIVESIGN_MALFORMED,
          "no app");
    CHECK(livesign_tencent_url_verify(NULL, 1, LIT("x"), 0, 0, 0, NULL, NULL) == LIVESIGN_INVALID_ARGUMENT,
          "NULL keys");
    CHECK(livesign_tencent_url_verify(ring, LIVESIGN_MAX_KEYS + 1, LIT("x"), 0, 0, 0, NULL, NULL) ==
              LIVESIGN_INVALID_ARGUMENT,
          "too many keys");
    CHECK(livesign_tencent_url_secret(key, 32, LIT("s"), LIT("xyz"), url) == LIVESIGN_MALFORMED, "bad txTime");
}

/* ---------------------------------------------------------------- legacy API */

static void check_api(void) {
    static const uint8_t key[] = "5d41402abc4b2a76b9719d911017c592";
    static const char want[] =
        "http://fcgi.video.qcloud.com/common_access?appid=1234&interface=Live_Channel_SetStatus&t=1471850187"
        "&sign=b17971b51ba0fe5916ddcd96692e9fb3&Param.s.channel_id=8888_test123&Param.n.status=0";
    livesign_tencent_api_param params[2];
    livesign_tencent_api_response r;
    uint8_t out[512];
    size_t len = 0;
    uint32_t command = 0, c;

    params[0].kind = LIVESIGN_TENCENT_API_PARAM_STRING;
    params[0].name.ptr = U8("channel_id");
    params[0].name.len = 10;
    params[0].value.ptr = U8("8888_test123");
    params[0].value.len = 12;
    params[1].kind = LIVESIGN_TENCENT_API_PARAM_NUMBER;
    params[1].name.ptr = U8("status");
    params[1].name.len = 6;
    params[1].value.ptr = U8("0");
    params[1].value.len = 1;
    CHECK(livesign_tencent_api_build(LIVESIGN_TENCENT_API_LIVE_CHANNEL_SET_STATUS, NULL, 0, 1234, key, 32,
                                     1471850187u, params, 2, NULL, 0, &len) == LIVESIGN_BUFFER_TOO_SMALL &&
              len == sizeof want - 1,
          "api size query");
    CHECK(livesign_tencent_api_build(LIVESIGN_TENCENT_API_LIVE_CHANNEL_SET_STATUS, NULL, 0, 1234, key, 32,
                                     1471850187u, params, 2, out, sizeof out, &len) == LIVESIGN_OK,
          "api build");
    CHECK(len == sizeof want - 1 && memcmp(out, want, len) == 0, "api request");
    CHECK(livesign_tencent_api_build(LIVESIGN_TENCENT_API_GET_LIVE_STAT, LIT("http://proxy/common_access"), 7, key,
                                     32, 1471850187u, NULL, 0, out, sizeof out, &len) == LIVESIGN_OK &&
              len > 36 && memcmp(out, "http://proxy/common_access?cmd=7&interface=Get_LiveStat&", 56) == 0,
          "statistics command with a custom base");
    params[1].value.ptr = U8("x");
    CHECK(livesign_tencent_api_build(LIVESIGN_TENCENT_API_LIVE_CHANNEL_SET_STATUS, NULL, 0, 1234, key, 32, 1, params,
                                     2, out, sizeof out, &len) == LIVESIGN_INVALID_ARGUMENT &&
              len == 0,
          "number parameter that is not a number");
    CHECK(livesign_tencent_api_build(99, NULL, 0, 1234, key, 32, 1, NULL, 0, out, sizeof out, &len) ==
              LIVESIGN_INVALID_ARGUMENT,
          "unknown command");
    CHECK(livesign_tencent_api_build(1, NULL, 0, 1234, NULL, 0, 1, NULL, 0, out, sizeof out, &len) ==
              LIVESIGN_INVALID_KEY,
          "empty key");

    for (c = LIVESIGN_TENCENT_API_GET_LIVE_STAT; c <= LIVESIGN_TENCENT_API_LIVE_TAPE_STOP; c++) {
        const char *name = livesign_tencent_api_command_name(c);
        const char *base = livesign_tencent_api_default_base(c);
        CHECK(name != NULL && base != NULL, "every command has a name and a base");
        if (name == NULL || base == NULL) continue;
        CHECK(livesign_tencent_api_command_from_name(U8(name), strlen(name), &command) == LIVESIGN_OK && command == c,
              name);
        CHECK(strcmp(base, strncmp(name, "Get_", 4) == 0 ? "http://statcgi.video.qcloud.com/common_access"
                                                          : "http://fcgi.video.qcloud.com/common_access") == 0,
              base);
    }
    CHECK(strcmp(livesign_tencent_api_command_name(LIVESIGN_TENCENT_API_LIVE_TAPE_STOP), "Live_Tape_Stop") == 0,
          "last command");
    CHECK(livesign_tencent_api_command_name(0) == NULL && livesign_tencent_api_default_base(16) == NULL,
          "unknown numbers");
    CHECK(livesign_tencent_api_command_from_name(LIT("Live_Tape_Nope"), &command) == LIVESIGN_INVALID_ARGUMENT &&
              command == 0,
          "unknown name");

    CHECK(livesign_tencent_api_response_read(LIT("{\"ret\":1202,\"message\":\"rate\"}"), &r) == LIVESIGN_OK,
          "response");
    CHECK(r.fields == (LIVESIGN_TENCENT_API_HAS_RET | LIVESIGN_TENCENT_API_HAS_MESSAGE) && r.ret == 1202 &&
              slice_is(r.message, "rate") && slice_absent(r.errmsg),
          "response fields");
    CHECK(livesign_tencent_api_response_read(LIT("{\"retcode\":-1,\"errmsg\":\"\"}"), &r) == LIVESIGN_OK &&
              r.fields == (LIVESIGN_TENCENT_API_HAS_RETCODE | LIVESIGN_TENCENT_API_HAS_ERRMSG) && r.retcode == -1 &&
              r.errmsg.ptr != NULL && r.errmsg.len == 0,
          "retcode and an empty errmsg");
    /* Two codes that disagree: both are there, and the header's rule acts on retcode. */
    CHECK(livesign_tencent_api_response_read(LIT("{\"ret\":0,\"retcode\":1202}"), &r) == LIVESIGN_OK &&
              r.fields == (LIVESIGN_TENCENT_API_HAS_RET | LIVESIGN_TENCENT_API_HAS_RETCODE) && r.ret == 0 &&
              r.retcode == 1202 && (r.ret != 0 ? r.ret : r.retcode) == 1202,
          "ret 0 beside retcode 1202 is not a success");
    CHECK(livesign_tencent_api_response_read(LIT("{\"ret\":0,\"ret\":1}"), &r) == LIVESIGN_MALFORMED &&
              r.fields == 0,
          "duplicate ret");
    CHECK(livesign_tencent_api_response_read(LIT("{}"), &r) == LIVESIGN_MALFORMED, "no status");
    CHECK(livesign_tencent_api_response_read(LIT("{}"), NULL) == LIVESIGN_INVALID_ARGUMENT, "NULL response");
}

/* ---------------------------------------------------------------- error catalog */

static void check_errors(void) {
    static const int64_t codes[] = {0, 1000, 1001, 1201, 1202, 1204, 1301, 10003, 20601};
    static const char *messages[] = {"appid is invalid", "cmd is invalid", "sign invalid", "time expired"};
    const livesign_tencent_error_info *e;
    size_t i;

    for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        e = livesign_tencent_error_by_code(codes[i]);
        CHECK(e != NULL && e->code == codes[i] && e->source == LIVESIGN_TENCENT_ERROR_SOURCE_CODE, "code entry");
        if (e) CHECK(e->message != NULL && e->meaning != NULL && e->meaning[0] != '\0', "code texts");
    }
    for (i = 0; i < sizeof messages / sizeof messages[0]; i++) {
        e = livesign_tencent_error_by_message(U8(messages[i]), strlen(messages[i]));
        CHECK(e != NULL && e->source == LIVESIGN_TENCENT_ERROR_SOURCE_MESSAGE && strcmp(e->message, messages[i]) == 0,
              messages[i]);
    }
    e = livesign_tencent_error_by_http_status(403);
    CHECK(e != NULL && e->category == LIVESIGN_TENCENT_ERROR_AUTH && strcmp(e->message, "Forbidden") == 0, "403");
    e = livesign_tencent_error_by_http_status(404);
    CHECK(e != NULL && e->category == LIVESIGN_TENCENT_ERROR_INVALID_REQUEST, "404");
    e = livesign_tencent_error_by_code(1202);
    CHECK(e != NULL && e->category == LIVESIGN_TENCENT_ERROR_RATE_LIMIT && e->retry == LIVESIGN_TENCENT_RETRY_BACKOFF,
          "1202: rate limit, back off");
    e = livesign_tencent_error_by_code(1204);
    CHECK(e != NULL && e->retry == LIVESIGN_TENCENT_RETRY_NEVER, "1204: never retry");
    e = livesign_tencent_error_by_message(U8(livesign_status_str(LIVESIGN_EXPIRED)),
                                          strlen(livesign_status_str(LIVESIGN_EXPIRED)));
    CHECK(e != NULL && e->retry == LIVESIGN_TENCENT_RETRY_RESIGN, "time expired: sign again");
    e = livesign_tencent_error_by_message(LIT(" Internel/System Error "));
    CHECK(e != NULL && e->code == 1201 && e->category == LIVESIGN_TENCENT_ERROR_SERVER, "1201 by its other spelling");
    CHECK(livesign_tencent_error_by_code(42) == NULL && livesign_tencent_error_by_http_status(500) == NULL,
          "unknown codes");
    CHECK(livesign_tencent_error_by_message(LIT("nope")) == NULL && livesign_tencent_error_by_message(NULL, 3) == NULL,
          "unknown text");
}

int main(void) {
    char line[2048];
    int vectors = 0;
    check_callback_helpers();
    check_url_contract();
    check_api();
    check_errors();
    while (fgets(line, sizeof line, stdin)) {
        char kind[16], a[256], b[256], c[256], d[256], e[256], f[1024];
        unsigned long long n;
        if (sscanf(line, "%15s", kind) != 1) continue;
        if (strcmp(kind, "url") == 0 && sscanf(line, "%15s %255s %255s %llu %255s %255s %1023s", kind, a, b, &n, d, e,
                                               f) == 7) {
            check_url_vector(a, b, (uint64_t)n, d, e, f);
        } else if (strcmp(kind, "callback") == 0 && sscanf(line, "%15s %255s %llu %255s", kind, a, &n, c) == 4) {
            check_callback_vector(a, (uint64_t)n, c);
        } else {
            fprintf(stderr, "bad input line: %s", line);
            return 2;
        }
        vectors++;
    }
    printf("C tencent_css: %d vectors, %d checks, %d failures\n", vectors, checks, failures);
    return failures == 0 && vectors > 0 ? 0 : 1;
}
