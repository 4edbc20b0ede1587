/* Every function of include/livesign.h called with NULL pointers, zero lengths and NULL
 * outputs: each returns its documented status (never LIVESIGN_INTERNAL, never a crash), and
 * (NULL, 0) means the same as (pointer, 0). Every input with a length limit is also called
 * one byte over it (LIVESIGN_MAX_*, LIVESIGN_USERSIG_*): LIVESIGN_INVALID_ARGUMENT
 * (LIVESIGN_INVALID_KEY for keys), before anything else, even with an empty key. Built by
 * tests/c_contract.rs, which also fails when a function of the header is not called here
 * or one of its pointer parameters is never NULL here (never NULL with a length, for an
 * input); run plain, under ASan+UBSan and under valgrind by .ci/run. */
#include "livesign.h"

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A status and what it must be; also refuses anything outside the documented set. */
#define EXPECT(call, want)                                                                   \
    do {                                                                                     \
        livesign_status got_ = (call);                                                       \
        CHECK(got_ <= LIVESIGN_IDENTITY_MISMATCH, "a documented status, not INTERNAL");      \
        if (got_ != (want)) fprintf(stderr, "  got %u want %u\n", (unsigned)got_, (unsigned)(want)); \
        CHECK(got_ == (want), #call);                                                        \
    } while (0)

#define IA LIVESIGN_INVALID_ARGUMENT
#define IK LIVESIGN_INVALID_KEY
#define MF LIVESIGN_MALFORMED
#define OK LIVESIGN_OK
/* A string literal as (pointer, length). */
#define LIT(s) ((const uint8_t *)(s)), (sizeof(s) - 1)

static const uint8_t KEY[] = "123654";
static const uint8_t BODY[] = "{\"CallbackTs\":1}";
static const uint8_t SIGN[] = "IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Uo=";
/* A non-NULL pointer to pass with length 0: it must mean the same as NULL with 0. */
static const uint8_t EMPTY[1] = {0};
/* Keys that meet the providers' rules: Huawei notifications and recordings (32 to 128 bytes),
 * Huawei URL validation (32 letters and digits, both kinds). */
static const uint8_t HW_KEY[] = "0123456789abcdefghijklmnopqrstuvwxyzABCD";
static const uint8_t URL_KEY[] = "GCTbw44s6MPLh4GqgDpnfuFHgy25Enly";
/* A SparkRTC X-Rtc-Timestamp (10 digits: seconds), and its time. */
#define TS10 "1700000000"
#define SENT 1700000000u
/* A time of exactly 8 hex digits, as txTime and hwTime must have (5C271099). */
#define T8 1546064025u
/* LIVESIGN_MAX_RESPONSE_LEN + 1 bytes of 'x': one byte over every input limit is a prefix. */
static uint8_t *big;

static int all_zero(const void *p, size_t n) {
    const unsigned char *b = (const unsigned char *)p;
    size_t i;
    for (i = 0; i < n; i++)
        if (b[i] != 0) return 0;
    return 1;
}

static void common(void) {
    uint32_t s;
    CHECK(livesign_abi_version() == LIVESIGN_ABI_VERSION, "abi");
    CHECK(livesign_version() != NULL && livesign_version()[0] != '\0', "version");
    for (s = 0; s < 260; s++) CHECK(livesign_status_str(s) != NULL, "status_str");
    CHECK(livesign_status_str(UINT32_MAX) != NULL, "status_str max");
    CHECK(livesign_tencent_sign_len() == LIVESIGN_TENCENT_SIGN_LEN, "tencent len");
    CHECK(livesign_trtc_callback_sign_len() == LIVESIGN_TRTC_CALLBACK_SIGN_LEN, "trtc len");
    CHECK(livesign_trtc_rest_error_str(INT64_MIN) != NULL, "error_str min");
    CHECK(livesign_trtc_rest_error_str(INT64_MAX) != NULL, "error_str max");
    CHECK(livesign_trtc_rest_error_str(0) != NULL, "error_str 0");
    CHECK(livesign_trtc_rest_error_category(INT64_MIN) == LIVESIGN_TRTC_ERROR_UNKNOWN, "category");
    CHECK(livesign_trtc_rest_error_retry(INT64_MAX) == LIVESIGN_TRTC_RETRY_UNKNOWN, "retry");
}

static void hmac_key(livesign_hmac_key *loaded) {
    livesign_hmac_key ctx;
    memset(&ctx, 0xab, sizeof ctx);
    EXPECT(livesign_hmac_key_init(NULL, NULL, 0), IA);
    EXPECT(livesign_hmac_key_init(NULL, KEY, 6), IA);
    EXPECT(livesign_hmac_key_init(&ctx, NULL, 6), IA);
    CHECK(all_zero(&ctx, sizeof ctx), "a failed init leaves the context wiped");
    memset(&ctx, 0xab, sizeof ctx);
    EXPECT(livesign_hmac_key_init(&ctx, NULL, 0), LIVESIGN_INVALID_KEY);
    CHECK(all_zero(&ctx, sizeof ctx), "a failed init leaves the context wiped");
    EXPECT(livesign_hmac_key_init(&ctx, EMPTY, 0), LIVESIGN_INVALID_KEY);
    livesign_hmac_key_wipe(NULL);
    EXPECT(livesign_hmac_key_init(loaded, KEY, 6), LIVESIGN_OK);
}

static void tencent(void) {
    uint8_t out[LIVESIGN_TENCENT_SIGN_LEN];
    EXPECT(livesign_tencent_sign(NULL, 0, 0, NULL), IA);
    EXPECT(livesign_tencent_sign(NULL, 0, 0, out), LIVESIGN_INVALID_KEY);
    EXPECT(livesign_tencent_sign(EMPTY, 0, 0, out), LIVESIGN_INVALID_KEY);
    EXPECT(livesign_tencent_sign(NULL, 6, 0, out), IA);
    EXPECT(livesign_tencent_sign(KEY, 6, 0, NULL), IA);
    EXPECT(livesign_tencent_sign(KEY, 6, UINT64_MAX, out), LIVESIGN_OK);

    EXPECT(livesign_tencent_verify(NULL, 0, 0, NULL, 0, 0, 0), LIVESIGN_INVALID_KEY);
    EXPECT(livesign_tencent_verify(EMPTY, 0, 0, EMPTY, 0, 0, 0), LIVESIGN_INVALID_KEY);
    EXPECT(livesign_tencent_verify(NULL, 6, 0, NULL, 0, 0, 0), IA);
    EXPECT(livesign_tencent_verify(KEY, 6, 0, NULL, 32, 0, 0), IA);
    EXPECT(livesign_tencent_verify(KEY, 6, 0, NULL, 0, 0, 0), LIVESIGN_MALFORMED);
    EXPECT(livesign_tencent_verify(KEY, 6, 0, EMPTY, 0, 0, 0), LIVESIGN_MALFORMED);
    EXPECT(livesign_tencent_verify(KEY, 6, 0, out, 32, UINT64_MAX, UINT32_MAX), LIVESIGN_SIGNATURE_MISMATCH);
}

static void trtc_callback(const livesign_hmac_key *loaded) {
    uint8_t out[LIVESIGN_TRTC_CALLBACK_SIGN_LEN];
    livesign_hmac_key never;
    livesign_slice ring[LIVESIGN_MAX_KEYS + 1];
    livesign_hmac_key keyed[LIVESIGN_MAX_KEYS + 1];
    size_t i, matched = 99;
    uint64_t ts = 99;
    memset(&never, 0, sizeof never);
    for (i = 0; i < LIVESIGN_MAX_KEYS + 1; i++) {
        ring[i].ptr = KEY;
        ring[i].len = 6;
        keyed[i] = *loaded;
    }

    EXPECT(livesign_trtc_callback_key_check(NULL, 0), LIVESIGN_INVALID_KEY);
    EXPECT(livesign_trtc_callback_key_check(EMPTY, 0), LIVESIGN_INVALID_KEY);
    EXPECT(livesign_trtc_callback_key_check(NULL, 1), IA);

    EXPECT(livesign_trtc_callback_sign(NULL, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_trtc_callback_sign(NULL, 0, NULL, 0, out), LIVESIGN_INVALID_KEY);
    EXPECT(livesign_trtc_callback_sign(NULL, 6, BODY, 16, out), IA);
    EXPECT(livesign_trtc_callback_sign(KEY, 6, NULL, 16, out), IA);
    EXPECT(livesign_trtc_callback_sign(KEY, 6, BODY, 16, NULL), IA);
    EXPECT(livesign_trtc_callback_sign(KEY, 6, NULL, 0, out), LIVESIGN_OK);

    EXPECT(livesign_trtc_callback_sign_keyed(NULL, NULL, 0, NULL), IA);
    EXPECT(livesign_trtc_callback_sign_keyed(NULL, BODY, 16, out), IA);
    EXPECT(livesign_trtc_callback_sign_keyed(&never, BODY, 16, out), IA);
    EXPECT(livesign_trtc_callback_sign_keyed(loaded, NULL, 16, out), IA);
    EXPECT(livesign_trtc_callback_sign_keyed(loaded, BODY, 16, NULL), IA);
    EXPECT(livesign_trtc_callback_sign_keyed(loaded, NULL, 0, out), LIVESIGN_OK);

    EXPECT(livesign_trtc_callback_verify(NULL, 0, NULL, 0, NULL, 0), LIVESIGN_INVALID_KEY);
    EXPECT(livesign_trtc_callback_verify(NULL, 6, BODY, 16, SIGN, 44), IA);
    EXPECT(livesign_trtc_callback_verify(KEY, 6, NULL, 16, SIGN, 44), IA);
    EXPECT(livesign_trtc_callback_verify(KEY, 6, BODY, 16, NULL, 44), IA);
    EXPECT(livesign_trtc_callback_verify(KEY, 6, NULL, 0, NULL, 0), LIVESIGN_MALFORMED);
    EXPECT(livesign_trtc_callback_verify(KEY, 6, EMPTY, 0, EMPTY, 0), LIVESIGN_MALFORMED);
    EXPECT(livesign_trtc_callback_verify(KEY, 6, NULL, 0, SIGN, 44), LIVESIGN_SIGNATURE_MISMATCH);

    EXPECT(livesign_trtc_callback_verify_keyed(NULL, NULL, 0, NULL, 0), IA);
    EXPECT(livesign_trtc_callback_verify_keyed(&never, NULL, 0, NULL, 0), IA);
    EXPECT(livesign_trtc_callback_verify_keyed(loaded, NULL, 16, SIGN, 44), IA);
    EXPECT(livesign_trtc_callback_verify_keyed(loaded, BODY, 16, NULL, 44), IA);
    EXPECT(livesign_trtc_callback_verify_keyed(loaded, NULL, 0, NULL, 0), LIVESIGN_MALFORMED);
    EXPECT(livesign_trtc_callback_verify_keyed(loaded, NULL, 0, SIGN, 44), LIVESIGN_SIGNATURE_MISMATCH);

    EXPECT(livesign_trtc_callback_verify_ring(NULL, 0, NULL, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_trtc_callback_verify_ring(NULL, 1, BODY, 16, SIGN, 44, &matched), IA);
    EXPECT(livesign_trtc_callback_verify_ring(ring, 0, BODY, 16, SIGN, 44, &matched), IA);
    EXPECT(livesign_trtc_callback_verify_ring(ring, LIVESIGN_MAX_KEYS + 1, BODY, 16, SIGN, 44, &matched), IA);
    EXPECT(livesign_trtc_callback_verify_ring(ring, 1, NULL, 16, SIGN, 44, &matched), IA);
    EXPECT(livesign_trtc_callback_verify_ring(ring, 1, BODY, 16, NULL, 44, &matched), IA);
    EXPECT(livesign_trtc_callback_verify_ring(ring, 1, NULL, 0, NULL, 0, NULL), LIVESIGN_MALFORMED);
    EXPECT(livesign_trtc_callback_verify_ring(ring, LIVESIGN_MAX_KEYS, NULL, 0, SIGN, 44, NULL),
           LIVESIGN_SIGNATURE_MISMATCH);
    ring[1].ptr = NULL;
    ring[1].len = 0;
    EXPECT(livesign_trtc_callback_verify_ring(ring, 2, NULL, 0, SIGN, 44, &matched), LIVESIGN_INVALID_KEY);
    ring[1].len = 6;
    EXPECT(livesign_trtc_callback_verify_ring(ring, 2, NULL, 0, SIGN, 44, &matched), IA);
    CHECK(matched == 99, "matched untouched on failure");

    EXPECT(livesign_trtc_callback_verify_ring_keyed(NULL, 0, NULL, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_trtc_callback_verify_ring_keyed(NULL, 1, BODY, 16, SIGN, 44, &matched), IA);
    EXPECT(livesign_trtc_callback_verify_ring_keyed(keyed, 0, BODY, 16, SIGN, 44, &matched), IA);
    EXPECT(livesign_trtc_callback_verify_ring_keyed(keyed, LIVESIGN_MAX_KEYS + 1, BODY, 16, SIGN, 44, &matched), IA);
    EXPECT(livesign_trtc_callback_verify_ring_keyed(keyed, 1, NULL, 16, SIGN, 44, &matched), IA);
    EXPECT(livesign_trtc_callback_verify_ring_keyed(keyed, 1, BODY, 16, NULL, 44, &matched), IA);
    EXPECT(livesign_trtc_callback_verify_ring_keyed(keyed, 1, NULL, 0, NULL, 0, NULL), LIVESIGN_MALFORMED);
    EXPECT(livesign_trtc_callback_verify_ring_keyed(keyed, LIVESIGN_MAX_KEYS, NULL, 0, SIGN, 44, NULL),
           LIVESIGN_SIGNATURE_MISMATCH);
    keyed[1] = never;
    EXPECT(livesign_trtc_callback_verify_ring_keyed(keyed, 2, NULL, 0, SIGN, 44, &matched), IA);
    CHECK(matched == 99, "matched untouched on failure");

    EXPECT(livesign_trtc_callback_check_time(NULL, 0, 0, 0, NULL), LIVESIGN_MALFORMED);
    EXPECT(livesign_trtc_callback_check_time(NULL, 1, 0, 0, &ts), IA);
    CHECK(ts == 0, "callback_ts_ms is 0 on failure");
    ts = 99;
    EXPECT(livesign_trtc_callback_check_time(EMPTY, 0, UINT64_MAX, UINT32_MAX, &ts), LIVESIGN_MALFORMED);
    CHECK(ts == 0, "callback_ts_ms is 0 on failure");
    EXPECT(livesign_trtc_callback_check_time(BODY, 16, UINT64_MAX, UINT32_MAX, NULL), LIVESIGN_EXPIRED);
}

static void trtc_rest(void) {
    static const uint8_t svc[] = "s", cmd[] = "c", id[] = "admin", sig[] = "AAAA";
    uint8_t out[256];
    size_t len = 99;
    livesign_trtc_rest_response r;
    livesign_slice v;

    EXPECT(livesign_trtc_rest_url(NULL, 0, NULL, 0, NULL, 0, 0, NULL, 0, NULL, 0, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_trtc_rest_url(NULL, 0, NULL, 0, NULL, 0, 0, NULL, 0, NULL, 0, 0, NULL, 0, &len), IA);
    CHECK(len == 0, "out_len 0 on failure");
    len = 99;
    EXPECT(livesign_trtc_rest_url(NULL, 0, svc, 1, cmd, 1, 0, id, 5, sig, 4, 0, NULL, 5, &len), IA);
    CHECK(len == 0, "out NULL with a capacity");
    EXPECT(livesign_trtc_rest_url(NULL, 3, svc, 1, cmd, 1, 0, id, 5, sig, 4, 0, out, sizeof out, &len), IA);
    EXPECT(livesign_trtc_rest_url(NULL, 0, NULL, 1, cmd, 1, 0, id, 5, sig, 4, 0, out, sizeof out, &len), IA);
    EXPECT(livesign_trtc_rest_url(NULL, 0, svc, 1, NULL, 1, 0, id, 5, sig, 4, 0, out, sizeof out, &len), IA);
    EXPECT(livesign_trtc_rest_url(NULL, 0, svc, 1, cmd, 1, 0, NULL, 5, sig, 4, 0, out, sizeof out, &len), IA);
    EXPECT(livesign_trtc_rest_url(NULL, 0, svc, 1, cmd, 1, 0, id, 5, NULL, 4, 0, out, sizeof out, &len), IA);
    EXPECT(livesign_trtc_rest_url(NULL, 0, svc, 1, cmd, 1, 0, id, 5, NULL, 0, 0, out, sizeof out, &len),
           LIVESIGN_MALFORMED);
    EXPECT(livesign_trtc_rest_url(NULL, 0, svc, 1, cmd, 1, 0, id, 5, sig, 4, 0, out, sizeof out, NULL), IA);
    EXPECT(livesign_trtc_rest_url(NULL, 0, svc, 1, cmd, 1, 0, id, 5, sig, 4, 0, NULL, 0, &len),
           LIVESIGN_BUFFER_TOO_SMALL);
    CHECK(len > 0 && len < sizeof out, "size query");
    EXPECT(livesign_trtc_rest_url(EMPTY, 0, svc, 1, cmd, 1, 0, id, 5, sig, 4, 0, out, sizeof out, &len), LIVESIGN_OK);

    memset(&r, 0xab, sizeof r);
    EXPECT(livesign_trtc_rest_response_parse(NULL, 0, NULL), LIVESIGN_MALFORMED);
    EXPECT(livesign_trtc_rest_response_parse(NULL, 1, &r), IA);
    CHECK(r.action_status == LIVESIGN_TRTC_ACTION_NONE && r.error_code == 0 && r.error_info.ptr == NULL &&
              r.error_info.len == 0 && r.request_id.ptr == NULL && r.request_id.len == 0,
          "zero-filled on failure");
    EXPECT(livesign_trtc_rest_response_parse(EMPTY, 0, &r), LIVESIGN_MALFORMED);
    EXPECT(livesign_trtc_rest_response_parse(BODY, 16, &r), LIVESIGN_MALFORMED);

    v.ptr = BODY;
    v.len = 3;
    EXPECT(livesign_trtc_rest_response_field(NULL, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_trtc_rest_response_field(NULL, 0, NULL, 0, &v), LIVESIGN_MALFORMED);
    CHECK(v.ptr == NULL && v.len == 0, "value emptied on failure");
    EXPECT(livesign_trtc_rest_response_field(NULL, 1, NULL, 0, &v), IA);
    EXPECT(livesign_trtc_rest_response_field(BODY, 16, NULL, 1, &v), IA);
    EXPECT(livesign_trtc_rest_response_field(BODY, 16, NULL, 0, &v), LIVESIGN_OK);
    CHECK(v.ptr == NULL && v.len == 0, "an empty name is absent");
}

static void limits(livesign_hmac_key *ctx) {
    size_t over;
    CHECK(livesign_max_body_len() == LIVESIGN_MAX_BODY_LEN && LIVESIGN_MAX_BODY_LEN == 1048576, "body");
    CHECK(livesign_max_response_len() == LIVESIGN_MAX_RESPONSE_LEN && LIVESIGN_MAX_RESPONSE_LEN == 16777216, "resp");
    CHECK(livesign_max_url_len() == LIVESIGN_MAX_URL_LEN && LIVESIGN_MAX_URL_LEN == 8192, "url");
    CHECK(livesign_max_id_len() == LIVESIGN_MAX_ID_LEN && LIVESIGN_MAX_ID_LEN == 256, "id");
    CHECK(livesign_max_key_len() == LIVESIGN_MAX_KEY_LEN && LIVESIGN_MAX_KEY_LEN == 1024, "key");
    CHECK(LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN == LIVESIGN_MAX_ID_LEN, "one name limit");
    /* A key of exactly the limit loads; one byte more is refused and leaves the context wiped. */
    over = LIVESIGN_MAX_KEY_LEN + 1;
    EXPECT(livesign_hmac_key_init(ctx, big, over - 1), OK);
    EXPECT(livesign_hmac_key_init(ctx, big, over), IK);
    CHECK(all_zero(ctx, sizeof *ctx), "a refused key leaves the context wiped");
}

static void tencent_css(void) {
    uint8_t sign[LIVESIGN_TENCENT_SIGN_LEN], secret[LIVESIGN_TENCENT_TX_SECRET_LEN], out[512];
    char body[128];
    size_t len = 99, matched = 99, n;
    livesign_tencent_event ev;
    livesign_tencent_url_info info;
    livesign_slice v, ring[2];
    livesign_tencent_api_param param;
    livesign_tencent_api_response r;
    uint32_t cmd = 99;

    /* Event callbacks. */
    EXPECT(livesign_tencent_sign(KEY, 6, 1, sign), OK);
    n = (size_t)snprintf(body, sizeof body, "{\"t\":1,\"sign\":\"%.32s\"}", (const char *)sign);
    memset(&ev, 0xab, sizeof ev);
    EXPECT(livesign_tencent_callback_verify(NULL, 0, NULL, 0, 0, 0, NULL), IK);
    EXPECT(livesign_tencent_callback_verify(EMPTY, 0, EMPTY, 0, 0, 0, &ev), IK);
    CHECK(ev.event_type == 0 && ev.t == 0 && ev.stream_id.ptr == NULL && ev.appname.len == 0, "zero-filled");
    EXPECT(livesign_tencent_callback_verify(NULL, 6, (const uint8_t *)body, n, 1, 0, NULL), IA);
    EXPECT(livesign_tencent_callback_verify(KEY, 6, NULL, n, 1, 0, NULL), IA);
    EXPECT(livesign_tencent_callback_verify(KEY, 6, NULL, 0, 1, 0, &ev), MF);
    EXPECT(livesign_tencent_callback_verify(KEY, 6, (const uint8_t *)body, n, 1, 0, NULL), OK);
    EXPECT(livesign_tencent_callback_verify(KEY, 6, (const uint8_t *)body, n, 1, 0, &ev), OK);
    CHECK(ev.t == 1 && ev.event_type == LIVESIGN_TENCENT_EVENT_NONE && ev.stream_id.ptr == NULL, "fields");
    EXPECT(livesign_tencent_callback_verify(KEY, 6, (const uint8_t *)body, n, UINT64_MAX, UINT32_MAX, &ev),
           LIVESIGN_EXPIRED);
    EXPECT(livesign_tencent_callback_verify(NULL, 0, big, LIVESIGN_MAX_BODY_LEN + 1, 0, 0, &ev), IA);
    EXPECT(livesign_tencent_callback_verify(KEY, 6, big, LIVESIGN_MAX_BODY_LEN, 0, 0, &ev), MF);

    v.ptr = KEY;
    v.len = 3;
    EXPECT(livesign_tencent_callback_field(NULL, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_tencent_callback_field(NULL, 0, NULL, 0, &v), MF);
    CHECK(v.ptr == NULL && v.len == 0, "emptied on failure");
    EXPECT(livesign_tencent_callback_field(NULL, 1, NULL, 0, &v), IA);
    EXPECT(livesign_tencent_callback_field(BODY, 16, NULL, 1, &v), IA);
    EXPECT(livesign_tencent_callback_field(BODY, 16, LIT("\xff"), &v), IA);
    EXPECT(livesign_tencent_callback_field(BODY, 16, NULL, 0, &v), OK);
    CHECK(v.ptr == NULL && v.len == 0, "an empty name is absent");
    EXPECT(livesign_tencent_callback_field(BODY, 16, LIT("CallbackTs"), &v), OK);
    CHECK(v.len == 1 && v.ptr == BODY + 14, "a view into the body");
    EXPECT(livesign_tencent_callback_field(BODY, 16, big, LIVESIGN_MAX_ID_LEN, &v), OK);
    EXPECT(livesign_tencent_callback_field(BODY, 16, big, LIVESIGN_MAX_ID_LEN + 1, &v), IA);
    EXPECT(livesign_tencent_callback_field(big, LIVESIGN_MAX_RESPONSE_LEN + 1, NULL, 0, &v), IA);

    /* Push and play URLs: txTime has 8 hex digits, so the expiry is one (T8). */
    CHECK(livesign_tencent_tx_secret_len() == LIVESIGN_TENCENT_TX_SECRET_LEN, "len");
    CHECK(livesign_tencent_url_build_len(0, 1, 4, 1, T8) == 0, "unknown kind");
    CHECK(livesign_tencent_url_build_len(LIVESIGN_TENCENT_URL_RTMP, 0, 0, 0, T8) > 0, "lengths only");
    CHECK(livesign_tencent_url_build_len(LIVESIGN_TENCENT_URL_RTMP, 1, 4, LIVESIGN_MAX_ID_LEN, T8) > 0, "max");
    CHECK(livesign_tencent_url_build_len(LIVESIGN_TENCENT_URL_RTMP, 1, 4, LIVESIGN_MAX_ID_LEN + 1, T8) == 0, "max+1");
    CHECK(livesign_tencent_url_build_len(LIVESIGN_TENCENT_URL_HLS, 1, 4, 1, LIVESIGN_TENCENT_URL_MAX_EXPIRY + 1) == 0,
          "expiry");
    EXPECT(livesign_tencent_url_build(0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_tencent_url_build(0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 0, NULL, 0, &len), IA);
    CHECK(len == 0, "out_len 0 on failure");
    EXPECT(livesign_tencent_url_build(1, NULL, 0, NULL, 0, NULL, 0, NULL, 0, T8, NULL, 0, &len), IA);
    EXPECT(livesign_tencent_url_build(1, NULL, 1, LIT("live"), LIT("s"), KEY, 6, T8, out, sizeof out, &len), IA);
    EXPECT(livesign_tencent_url_build(1, LIT("h"), NULL, 4, LIT("s"), KEY, 6, T8, out, sizeof out, &len), IA);
    EXPECT(livesign_tencent_url_build(1, LIT("h"), LIT("live"), NULL, 1, KEY, 6, T8, out, sizeof out, &len), IA);
    EXPECT(livesign_tencent_url_build(1, LIT("h"), LIT("live"), LIT("s"), NULL, 6, T8, out, sizeof out, &len), IA);
    EXPECT(livesign_tencent_url_build(1, LIT("h"), LIT("live"), LIT("s"), KEY, 6, T8, NULL, 5, &len), IA);
    EXPECT(livesign_tencent_url_build(1, LIT("h"), LIT("live"), LIT("s"), NULL, 0, T8, out, sizeof out, &len), IK);
    EXPECT(livesign_tencent_url_build(1, LIT("h"), LIT("live"), LIT("s"), big, LIVESIGN_MAX_KEY_LEN + 1, T8, out,
                                      sizeof out, &len),
           IK);
    EXPECT(livesign_tencent_url_build(1, LIT("h"), LIT("live"), LIT("s"), NULL, 0, LIVESIGN_TENCENT_URL_MIN_EXPIRY - 1,
                                      out, sizeof out, &len),
           IA);
    CHECK(livesign_tencent_url_build_len(LIVESIGN_TENCENT_URL_HLS, 1, 4, 1, LIVESIGN_TENCENT_URL_MIN_EXPIRY - 1) == 0,
          "7-digit expiry");
    EXPECT(livesign_tencent_url_build(1, LIT("h"), LIT("live"), big, LIVESIGN_MAX_ID_LEN + 1, NULL, 0, 0, out,
                                      sizeof out, &len),
           IA);
    EXPECT(livesign_tencent_url_build(1, LIT("h"), LIT("live"), LIT("s"), KEY, 6, T8, NULL, 0, &len),
           LIVESIGN_BUFFER_TOO_SMALL);
    CHECK(len == livesign_tencent_url_build_len(1, 1, 4, 1, T8), "size query");
    EXPECT(livesign_tencent_url_build(1, LIT("h"), LIT("live"), LIT("s"), KEY, 6, T8, out, sizeof out, &len), OK);
    n = len;

    EXPECT(livesign_tencent_url_secret(NULL, 0, NULL, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_tencent_url_secret(NULL, 0, NULL, 0, NULL, 0, secret), IK);
    EXPECT(livesign_tencent_url_secret(KEY, 6, NULL, 0, NULL, 0, secret), MF);
    EXPECT(livesign_tencent_url_secret(NULL, 6, LIT("s"), LIT("5C271099"), secret), IA);
    EXPECT(livesign_tencent_url_secret(KEY, 6, NULL, 1, LIT("5C271099"), secret), IA);
    EXPECT(livesign_tencent_url_secret(KEY, 6, LIT("s"), NULL, 8, secret), IA);
    EXPECT(livesign_tencent_url_secret(NULL, 0, big, LIVESIGN_MAX_ID_LEN + 1, LIT("5C271099"), secret), IA);
    EXPECT(livesign_tencent_url_secret(KEY, 6, LIT("s"), LIT("5C271099"), secret), OK);

    ring[0].ptr = KEY;
    ring[0].len = 6;
    ring[1].ptr = NULL;
    ring[1].len = 0;
    memset(&info, 0xab, sizeof info);
    EXPECT(livesign_tencent_url_verify(NULL, 0, NULL, 0, 0, 0, 0, NULL, &info), IA);
    CHECK(info.expiry == 0 && info.app.ptr == NULL && info.tx_time.len == 0, "zero-filled");
    EXPECT(livesign_tencent_url_verify(ring, 0, out, n, 0, T8, 0, &matched, NULL), IA);
    EXPECT(livesign_tencent_url_verify(ring, LIVESIGN_MAX_KEYS + 1, out, n, 0, T8, 0, &matched, NULL), IA);
    EXPECT(livesign_tencent_url_verify(ring, 2, out, n, 0, T8, 0, &matched, NULL), IK);
    EXPECT(livesign_tencent_url_verify(ring, 1, NULL, 3, 0, 0, 0, &matched, NULL), IA);
    EXPECT(livesign_tencent_url_verify(ring, 1, NULL, 0, 0, 0, 0, &matched, &info), MF);
    EXPECT(livesign_tencent_url_verify(ring, 1, big, LIVESIGN_MAX_URL_LEN + 1, 0, 0, 0, &matched, &info), IA);
    EXPECT(livesign_tencent_url_verify(ring, 1, big, LIVESIGN_MAX_URL_LEN, 0, 0, 0, &matched, &info), MF);
    CHECK(matched == 99, "matched untouched on failure");
    EXPECT(livesign_tencent_url_verify(ring, 1, out, n, 0, T8, 0, NULL, NULL), OK);
    EXPECT(livesign_tencent_url_verify(ring, 1, out, n, 0, T8 + 1, 0, &matched, &info), LIVESIGN_EXPIRED);
    EXPECT(livesign_tencent_url_verify(ring, 1, out, n, 0, T8, 0, &matched, &info), OK);
    CHECK(matched == 0 && info.stream_name.len == 1, "matched and info");
    EXPECT(livesign_tencent_url_verify(NULL, 1, out, n, 0, T8, 0, &matched, &info), IA);
    memset(&info, 0xab, sizeof info);
    matched = 99;
    EXPECT(livesign_tencent_url_verify_form(NULL, 0, NULL, 0, 3, 0, 0, 0, &matched, &info), IA);
    CHECK(matched == 99 && info.expiry == 0 && info.app.ptr == NULL, "form: zero-filled, matched untouched");
    EXPECT(livesign_tencent_url_verify_form(NULL, 0, NULL, 0, LIVESIGN_TENCENT_TX_TIME_HEX, 0, 0, 0, NULL, &info), IA);
    EXPECT(livesign_tencent_url_verify_form(NULL, 1, out, n, LIVESIGN_TENCENT_TX_TIME_HEX, 0, T8, 0, NULL, &info), IA);
    EXPECT(livesign_tencent_url_verify_form(ring, 1, NULL, 3, LIVESIGN_TENCENT_TX_TIME_HEX, 0, 0, 0, NULL, NULL), IA);
    EXPECT(livesign_tencent_url_verify_form(ring, 1, NULL, 0, LIVESIGN_TENCENT_TX_TIME_HEX, 0, 0, 0, NULL, &info), MF);
    EXPECT(livesign_tencent_url_verify_form(ring, 2, out, n, LIVESIGN_TENCENT_TX_TIME_HEX, 0, T8, 0, NULL, NULL), IK);
    EXPECT(livesign_tencent_url_verify_form(ring, 1, out, n, LIVESIGN_TENCENT_TX_TIME_HEX, 0, T8, 0, NULL, NULL), OK);
    EXPECT(livesign_tencent_url_verify_form(ring, 1, out, n, LIVESIGN_TENCENT_TX_TIME_DECIMAL, 0, T8, 0, NULL, NULL), MF);

    /* Legacy API. */
    CHECK(livesign_tencent_api_command_name(0) == NULL && livesign_tencent_api_command_name(16) == NULL, "unknown");
    CHECK(livesign_tencent_api_command_name(LIVESIGN_TENCENT_API_LIVE_TAPE_STOP) != NULL, "known");
    CHECK(livesign_tencent_api_default_base(0) == NULL && livesign_tencent_api_default_base(1) != NULL, "base");
    EXPECT(livesign_tencent_api_command_from_name(NULL, 0, NULL), IA);
    EXPECT(livesign_tencent_api_command_from_name(NULL, 0, &cmd), IA);
    CHECK(cmd == 0, "0 when unknown");
    EXPECT(livesign_tencent_api_command_from_name(NULL, 3, &cmd), IA);
    EXPECT(livesign_tencent_api_command_from_name(LIT("Live_Tape_Stop"), &cmd), OK);
    CHECK(cmd == LIVESIGN_TENCENT_API_LIVE_TAPE_STOP, "found");

    param.kind = LIVESIGN_TENCENT_API_PARAM_STRING;
    param.name.ptr = (const uint8_t *)"n";
    param.name.len = 1;
    param.value.ptr = NULL;
    param.value.len = 0;
    EXPECT(livesign_tencent_api_build(0, NULL, 0, 0, NULL, 0, 0, NULL, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_tencent_api_build(0, NULL, 0, 0, NULL, 0, 0, NULL, 0, NULL, 0, &len), IA);
    CHECK(len == 0, "out_len 0 on failure");
    EXPECT(livesign_tencent_api_build(15, NULL, 0, 1, NULL, 0, 1, NULL, 0, NULL, 0, &len), IK);
    EXPECT(livesign_tencent_api_build(15, NULL, 1, 1, KEY, 6, 1, NULL, 0, out, sizeof out, &len), IA);
    EXPECT(livesign_tencent_api_build(15, NULL, 0, 1, NULL, 6, 1, NULL, 0, out, sizeof out, &len), IA);
    EXPECT(livesign_tencent_api_build(15, NULL, 0, 1, KEY, 6, 1, NULL, 1, out, sizeof out, &len), IA);
    EXPECT(livesign_tencent_api_build(15, NULL, 0, 1, KEY, 6, 1, &param, LIVESIGN_TENCENT_API_MAX_PARAMS + 1, out,
                                      sizeof out, &len),
           IA);
    EXPECT(livesign_tencent_api_build(15, NULL, 0, 1, KEY, 6, 1, NULL, 0, NULL, 0, &len), LIVESIGN_BUFFER_TOO_SMALL);
    EXPECT(livesign_tencent_api_build(15, EMPTY, 0, 1, KEY, 6, 1, &param, 1, out, sizeof out, &len), OK);
    EXPECT(livesign_tencent_api_build(15, big, LIVESIGN_MAX_URL_LEN + 1, 1, NULL, 0, 1, NULL, 0, out, sizeof out, &len),
           IA);
    param.value.len = 1;
    EXPECT(livesign_tencent_api_build(15, NULL, 0, 1, KEY, 6, 1, &param, 1, out, sizeof out, &len), IA);
    param.value.ptr = big;
    param.value.len = LIVESIGN_MAX_URL_LEN + 1;
    EXPECT(livesign_tencent_api_build(15, NULL, 0, 1, NULL, 0, 1, &param, 1, out, sizeof out, &len), IA);
    param.value.len = 1;
    param.name.ptr = big;
    param.name.len = LIVESIGN_MAX_ID_LEN + 1;
    EXPECT(livesign_tencent_api_build(15, NULL, 0, 1, NULL, 0, 1, &param, 1, out, sizeof out, &len), IA);
    param.name.len = 1;
    param.kind = 0;
    EXPECT(livesign_tencent_api_build(15, NULL, 0, 1, KEY, 6, 1, &param, 1, out, sizeof out, &len), IA);

    memset(&r, 0xab, sizeof r);
    EXPECT(livesign_tencent_api_response_read(NULL, 0, NULL), IA);
    EXPECT(livesign_tencent_api_response_read(NULL, 0, &r), MF);
    CHECK(r.fields == 0 && r.ret == 0 && r.retcode == 0 && r.errmsg.ptr == NULL && r.message.len == 0, "zeroed");
    EXPECT(livesign_tencent_api_response_read(NULL, 1, &r), IA);
    EXPECT(livesign_tencent_api_response_read(LIT("{\"ret\":0}"), &r), OK);
    CHECK(r.fields == LIVESIGN_TENCENT_API_HAS_RET, "ret");
    EXPECT(livesign_tencent_api_response_read(big, LIVESIGN_MAX_RESPONSE_LEN + 1, &r), IA);

    CHECK(livesign_tencent_error_by_code(0) != NULL && livesign_tencent_error_by_code(-12345) == NULL, "code");
    CHECK(livesign_tencent_error_by_http_status(403) != NULL && livesign_tencent_error_by_http_status(0) == NULL, "http");
    CHECK(livesign_tencent_error_by_message(NULL, 0) == NULL && livesign_tencent_error_by_message(NULL, 5) == NULL,
          "message NULL");
    CHECK(livesign_tencent_error_by_message(LIT("sign invalid")) != NULL, "message");
}

/* Every field of a usersig info is zero (its padding is not part of the contract). */
static int info_is_zero(const livesign_usersig_info *i) {
    return i->sdkappid == 0 && i->time == 0 && i->expire == 0 && i->expires_at == 0 && i->identifier_len == 0 &&
           all_zero(i->identifier, sizeof i->identifier) && i->has_userbuf == 0 && i->userbuf_len == 0 &&
           all_zero(i->userbuf, sizeof i->userbuf);
}

static void usersig(const livesign_hmac_key *loaded) {
    static uint8_t token[LIVESIGN_USERSIG_MAX_LEN];
    static livesign_usersig_info info;
    livesign_privmap_info pinfo;
    livesign_hmac_key never;
    size_t len = 99, n;
    memset(&never, 0, sizeof never);

    EXPECT(livesign_usersig_gen(1, NULL, 0, NULL, 0, 1, 1, NULL, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_usersig_gen(1, NULL, 0, NULL, 0, 1, 1, NULL, 0, NULL, 0, &len), IK);
    CHECK(len == 0, "out_len 0 on failure");
    EXPECT(livesign_usersig_gen(1, NULL, 6, NULL, 0, 1, 1, NULL, 0, token, sizeof token, &len), IA);
    EXPECT(livesign_usersig_gen(1, KEY, 6, NULL, 1, 1, 1, NULL, 0, token, sizeof token, &len), IA);
    EXPECT(livesign_usersig_gen(1, KEY, 6, LIT("\xff"), 1, 1, NULL, 0, token, sizeof token, &len), IA);
    EXPECT(livesign_usersig_gen(1, KEY, 6, NULL, 0, 1, 1, NULL, 3, token, sizeof token, &len), IA);
    EXPECT(livesign_usersig_gen(1, KEY, 6, NULL, 0, 1, 1, NULL, 0, NULL, 5, &len), IA);
    EXPECT(livesign_usersig_gen(1, big, LIVESIGN_MAX_KEY_LEN + 1, NULL, 0, 1, 1, NULL, 0, token, sizeof token, &len),
           IK);
    EXPECT(livesign_usersig_gen(1, KEY, 6, big, LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN + 1, 1, 1, NULL, 0, token,
                                sizeof token, &len),
           IA);
    EXPECT(livesign_usersig_gen(1, KEY, 6, NULL, 0, 1, 1, big, LIVESIGN_USERSIG_USERBUF_MAX_LEN + 1, token,
                                sizeof token, &len),
           IA);
    EXPECT(livesign_usersig_gen(1, KEY, 6, LIT("u"), 60, 1, NULL, 0, NULL, 0, &len), LIVESIGN_BUFFER_TOO_SMALL);
    CHECK(len == livesign_usersig_len(1, LIT("u"), 60, 1, 0) && len <= livesign_usersig_max_len(), "size query");
    EXPECT(livesign_usersig_gen(1, KEY, 6, LIT("u"), 60, 1, EMPTY, 0, token, sizeof token, &len), OK);
    n = len;
    EXPECT(livesign_usersig_gen_keyed(1, NULL, NULL, 0, 1, 1, NULL, 0, token, sizeof token, NULL), IA);
    EXPECT(livesign_usersig_gen_keyed(1, NULL, NULL, 0, 1, 1, NULL, 0, token, sizeof token, &len), IA);
    EXPECT(livesign_usersig_gen_keyed(1, &never, NULL, 0, 1, 1, NULL, 0, token, sizeof token, &len), IA);
    EXPECT(livesign_usersig_gen_keyed(1, loaded, LIT("u"), 60, 1, NULL, 0, token, sizeof token, &len), OK);
    CHECK(len == n, "keyed writes the same token");
    EXPECT(livesign_usersig_gen_keyed(1, loaded, NULL, 1, 60, 1, NULL, 0, token, sizeof token, &len), IA);
    EXPECT(livesign_usersig_gen_keyed(1, loaded, LIT("u"), 60, 1, NULL, 1, token, sizeof token, &len), IA);
    EXPECT(livesign_usersig_gen_keyed(1, loaded, LIT("u"), 60, 1, NULL, 0, NULL, 5, &len), IA);

    CHECK(livesign_usersig_max_len() == LIVESIGN_USERSIG_MAX_LEN, "max len");
    CHECK(livesign_usersig_len(1, NULL, 0, 1, 1, 0) > 0, "empty identifier");
    CHECK(livesign_usersig_len(1, NULL, 5, 1, 1, 0) == 0, "NULL with a length");
    CHECK(livesign_usersig_len(1, LIT("\xff"), 1, 1, 0) == 0, "not UTF-8");
    CHECK(livesign_usersig_len(1, big, LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN + 1, 1, 1, 0) == 0, "id over");
    CHECK(livesign_usersig_len(1, NULL, 0, 1, 1, LIVESIGN_USERSIG_USERBUF_MAX_LEN + 1) == 0, "userbuf over");

    memset(&info, 0xab, sizeof info);
    EXPECT(livesign_usersig_verify(1, NULL, 0, NULL, 0, NULL, 0, 0, 0, NULL), IK);
    EXPECT(livesign_usersig_verify(1, NULL, 0, NULL, 0, NULL, 0, 0, 0, &info), IK);
    CHECK(info_is_zero(&info), "zero-filled on failure");
    EXPECT(livesign_usersig_verify(1, NULL, 6, LIT("u"), token, n, 1, 0, NULL), IA);
    EXPECT(livesign_usersig_verify(1, KEY, 6, NULL, 1, token, n, 1, 0, NULL), IA);
    EXPECT(livesign_usersig_verify(1, KEY, 6, LIT("\xff"), token, n, 1, 0, NULL), IA);
    EXPECT(livesign_usersig_verify(1, KEY, 6, LIT("u"), NULL, n, 1, 0, NULL), IA);
    EXPECT(livesign_usersig_verify(1, KEY, 6, LIT("u"), NULL, 0, 1, 0, &info), MF);
    EXPECT(livesign_usersig_verify(1, KEY, 6, LIT("u"), EMPTY, 0, 1, 0, &info), MF);
    EXPECT(livesign_usersig_verify(1, KEY, 6, big, LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN + 1, token, n, 1, 0, NULL), IA);
    EXPECT(livesign_usersig_verify(1, KEY, 6, LIT("u"), big, LIVESIGN_USERSIG_MAX_LEN + 1, 1, 0, &info), IA);
    EXPECT(livesign_usersig_verify(1, KEY, 6, LIT("u"), big, LIVESIGN_USERSIG_MAX_LEN, 1, 0, &info), MF);
    EXPECT(livesign_usersig_verify(2, KEY, 6, LIT("u"), token, n, 1, 0, &info), LIVESIGN_IDENTITY_MISMATCH);
    EXPECT(livesign_usersig_verify(1, LIT("other"), LIT("u"), token, n, 1, 0, &info), LIVESIGN_SIGNATURE_MISMATCH);
    EXPECT(livesign_usersig_verify(1, KEY, 6, LIT("u"), token, n, UINT64_MAX, 0, &info), LIVESIGN_EXPIRED);
    EXPECT(livesign_usersig_verify(1, KEY, 6, LIT("u"), token, n, 1, 0, &info), OK);
    CHECK(info.sdkappid == 1 && info.identifier_len == 1 && info.has_userbuf == 0, "fields");
    EXPECT(livesign_usersig_verify_keyed(1, NULL, NULL, 0, NULL, 0, 0, 0, NULL), IA);
    EXPECT(livesign_usersig_verify_keyed(1, &never, LIT("u"), token, n, 1, 0, &info), IA);
    EXPECT(livesign_usersig_verify_keyed(1, loaded, LIT("u"), NULL, 0, 1, 0, &info), MF);
    EXPECT(livesign_usersig_verify_keyed(1, loaded, LIT("u"), NULL, 1, 1, 0, &info), IA);
    EXPECT(livesign_usersig_verify_keyed(1, loaded, LIT("u"), token, n, 1, 0, NULL), OK);
    EXPECT(livesign_usersig_verify_keyed(1, loaded, NULL, 1, token, n, 1, 0, NULL), IA);

    EXPECT(livesign_usersig_inspect(NULL, 0, NULL), MF);
    EXPECT(livesign_usersig_inspect(NULL, 1, &info), IA);
    CHECK(info_is_zero(&info), "zero-filled on failure");
    EXPECT(livesign_usersig_inspect(big, LIVESIGN_USERSIG_MAX_LEN + 1, &info), IA);
    EXPECT(livesign_usersig_inspect(token, n, &info), OK);
    CHECK(info.expire == 60, "claimed");

    EXPECT(livesign_privmap_gen(1, NULL, 0, NULL, 0, 1, 1, 7, 255, NULL, 0, NULL), IA);
    EXPECT(livesign_privmap_gen(1, NULL, 0, NULL, 0, 1, 1, 7, 255, NULL, 0, &len), IK);
    EXPECT(livesign_privmap_gen(1, KEY, 6, NULL, 3, 1, 1, 7, 255, token, sizeof token, &len), IA);
    EXPECT(livesign_privmap_gen(1, KEY, 6, LIT("\xc3\xa9"), 1, 1, 7, 255, token, sizeof token, &len), IA);
    EXPECT(livesign_privmap_gen((uint64_t)1 << 32, KEY, 6, NULL, 0, 1, 1, 7, 255, token, sizeof token, &len), IA);
    EXPECT(livesign_privmap_gen(1, KEY, 6, NULL, 0, 1, 1, 7, 255, NULL, 0, &len), LIVESIGN_BUFFER_TOO_SMALL);
    EXPECT(livesign_privmap_gen(1, KEY, 6, LIT("u"), 60, 1, 7, 255, token, sizeof token, &len), OK);
    EXPECT(livesign_privmap_gen_keyed(1, NULL, LIT("u"), 60, 1, 7, 255, token, sizeof token, &len), IA);
    EXPECT(livesign_privmap_gen_keyed(1, loaded, NULL, 0, 60, 1, 7, 255, token, sizeof token, NULL), IA);
    EXPECT(livesign_privmap_gen_keyed(1, loaded, LIT("u"), 60, 1, 7, 255, token, sizeof token, &len), OK);
    EXPECT(livesign_privmap_gen_roomstr(1, NULL, 0, NULL, 0, 1, 1, NULL, 0, 255, NULL, 0, &len), IK);
    EXPECT(livesign_privmap_gen_roomstr(1, KEY, 6, NULL, 0, 1, 1, NULL, 0, 255, NULL, 0, &len), IA);
    EXPECT(livesign_privmap_gen_roomstr(1, KEY, 6, NULL, 0, 1, 1, NULL, 2, 255, NULL, 0, &len), IA);
    EXPECT(livesign_privmap_gen_roomstr(1, KEY, 6, NULL, 0, 1, 1, big, LIVESIGN_USERSIG_USERBUF_MAX_LEN, 255, NULL, 0,
                                        &len),
           IA);
    EXPECT(livesign_privmap_gen_roomstr(1, KEY, 6, LIT("u"), 60, 1, LIT("r1"), 255, token, sizeof token, &len), OK);
    EXPECT(livesign_privmap_gen_roomstr_keyed(1, NULL, NULL, 0, 1, 1, LIT("r"), 255, token, sizeof token, &len), IA);
    EXPECT(livesign_privmap_gen_roomstr_keyed(1, &never, NULL, 0, 1, 1, LIT("r"), 255, token, sizeof token, &len), IA);
    EXPECT(livesign_privmap_gen(1, NULL, 6, LIT("u"), 60, 1, 7, 255, token, sizeof token, &len), IA);
    EXPECT(livesign_privmap_gen_keyed(1, loaded, NULL, 1, 60, 1, 7, 255, token, sizeof token, &len), IA);
    EXPECT(livesign_privmap_gen_keyed(1, loaded, LIT("u"), 60, 1, 7, 255, NULL, 5, &len), IA);
    EXPECT(livesign_privmap_gen_roomstr(1, NULL, 6, LIT("u"), 60, 1, LIT("r1"), 255, token, sizeof token, &len), IA);
    EXPECT(livesign_privmap_gen_roomstr(1, KEY, 6, NULL, 1, 60, 1, LIT("r1"), 255, token, sizeof token, &len), IA);
    EXPECT(livesign_privmap_gen_roomstr(1, KEY, 6, LIT("u"), 60, 1, LIT("r1"), 255, token, sizeof token, NULL), IA);
    EXPECT(livesign_privmap_gen_roomstr_keyed(1, loaded, NULL, 1, 60, 1, LIT("r1"), 255, token, sizeof token, &len),
           IA);
    EXPECT(livesign_privmap_gen_roomstr_keyed(1, loaded, LIT("u"), 60, 1, NULL, 2, 255, token, sizeof token, &len), IA);
    EXPECT(livesign_privmap_gen_roomstr_keyed(1, loaded, LIT("u"), 60, 1, LIT("r1"), 255, NULL, 5, &len), IA);
    EXPECT(livesign_privmap_gen_roomstr_keyed(1, loaded, LIT("u"), 60, 1, LIT("r1"), 255, token, sizeof token, NULL),
           IA);
    EXPECT(livesign_privmap_gen_roomstr_keyed(1, loaded, LIT("u"), 60, 1, LIT("r1"), 255, token, sizeof token, &len),
           OK);
    EXPECT(livesign_usersig_verify(1, KEY, 6, LIT("u"), token, len, 1, 0, &info), OK);
    CHECK(info.has_userbuf == 1, "a PrivateMapKey carries its userbuf");

    memset(&pinfo, 0xab, sizeof pinfo);
    EXPECT(livesign_privmap_parse(NULL, 0, NULL), MF);
    EXPECT(livesign_privmap_parse(NULL, 1, &pinfo), IA);
    CHECK(pinfo.identifier.ptr == NULL && pinfo.sdkappid == 0 && pinfo.roomstr.len == 0, "zero-filled");
    EXPECT(livesign_privmap_parse(EMPTY, 0, &pinfo), MF);
    EXPECT(livesign_privmap_parse(big, LIVESIGN_USERSIG_USERBUF_MAX_LEN + 1, &pinfo), IA);
    EXPECT(livesign_privmap_parse(info.userbuf, info.userbuf_len, &pinfo), OK);
    CHECK(pinfo.sdkappid == 1 && pinfo.has_roomstr == 1 && pinfo.roomstr.len == 2, "parsed");
}

static void huawei(void) {
    static const char HW_BODY_FMT[] =
        "{\"event\":\"PUBLISH\",\"domain\":\"d\",\"app\":\"a\",\"stream\":\"s\",\"publish_timestamp\":\"5\","
        "\"auth_timestamp\":" TS10 ",\"auth_sign\":\"%.64s\"}";
    uint8_t sign[LIVESIGN_HUAWEI_SIGN_LEN], md5[LIVESIGN_HUAWEI_RECORD_MD5_LEN], out[256];
    char body[256];
    size_t len = 99, matched = 99, n;
    livesign_hmac_key hw, short_key, url, never;
    livesign_huawei_event ev, hand;
    livesign_huawei_stream st;
    livesign_slice ring[1], bad_ring[1];
    uint32_t verdict = 99;
    memset(&never, 0, sizeof never);
    EXPECT(livesign_hmac_key_init(&hw, HW_KEY, sizeof HW_KEY - 1), OK);
    EXPECT(livesign_hmac_key_init(&short_key, KEY, 6), OK);
    EXPECT(livesign_hmac_key_init(&url, URL_KEY, sizeof URL_KEY - 1), OK);

    /* Notification signs. */
    CHECK(livesign_huawei_sign_len() == LIVESIGN_HUAWEI_SIGN_LEN, "len");
    EXPECT(livesign_huawei_sign(NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, SENT, NULL), IA);
    EXPECT(livesign_huawei_sign(NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, SENT, sign), IK);
    EXPECT(livesign_huawei_sign(KEY, 6, NULL, 0, NULL, 0, NULL, 0, NULL, 0, SENT, sign), IK);
    EXPECT(livesign_huawei_sign(NULL, 6, NULL, 0, NULL, 0, NULL, 0, NULL, 0, SENT, sign), IA);
    EXPECT(livesign_huawei_sign(HW_KEY, 40, NULL, 1, NULL, 0, NULL, 0, NULL, 0, SENT, sign), IA);
    EXPECT(livesign_huawei_sign(HW_KEY, 40, NULL, 0, NULL, 0, NULL, 0, LIT("\xff"), SENT, sign), IA);
    EXPECT(livesign_huawei_sign(NULL, 0, NULL, 0, big, LIVESIGN_MAX_ID_LEN + 1, NULL, 0, NULL, 0, SENT, sign), IA);
    EXPECT(livesign_huawei_sign(HW_KEY, 40, NULL, 0, big, LIVESIGN_MAX_ID_LEN, NULL, 0, NULL, 0, SENT, sign), OK);
    EXPECT(livesign_huawei_sign(HW_KEY, 40, LIT("PUBLISH"), NULL, 1, LIT("a"), LIT("s"), SENT, sign), IA);
    EXPECT(livesign_huawei_sign(HW_KEY, 40, LIT("PUBLISH"), LIT("d"), NULL, 1, LIT("s"), SENT, sign), IA);
    EXPECT(livesign_huawei_sign(HW_KEY, 40, LIT("PUBLISH"), LIT("d"), LIT("a"), NULL, 1, SENT, sign), IA);
    EXPECT(livesign_huawei_sign_keyed(NULL, NULL, 0, NULL, 0, NULL, 0, NULL, 0, SENT, sign), IA);
    EXPECT(livesign_huawei_sign_keyed(&never, NULL, 0, NULL, 0, NULL, 0, NULL, 0, SENT, sign), IA);
    EXPECT(livesign_huawei_sign_keyed(&hw, NULL, 0, NULL, 0, NULL, 0, NULL, 0, SENT, NULL), IA);
    EXPECT(livesign_huawei_sign_keyed(&short_key, NULL, 0, NULL, 0, NULL, 0, NULL, 0, SENT, sign), IK);
    EXPECT(livesign_huawei_sign_keyed(&hw, NULL, 0, big, LIVESIGN_MAX_ID_LEN + 1, NULL, 0, NULL, 0, SENT, sign), IA);
    EXPECT(livesign_huawei_sign_keyed(&hw, NULL, 7, LIT("d"), LIT("a"), LIT("s"), SENT, sign), IA);
    EXPECT(livesign_huawei_sign_keyed(&hw, LIT("PUBLISH"), NULL, 1, LIT("a"), LIT("s"), SENT, sign), IA);
    EXPECT(livesign_huawei_sign_keyed(&hw, LIT("PUBLISH"), LIT("d"), NULL, 1, LIT("s"), SENT, sign), IA);
    EXPECT(livesign_huawei_sign_keyed(&hw, LIT("PUBLISH"), LIT("d"), LIT("a"), NULL, 1, SENT, sign), IA);
    EXPECT(livesign_huawei_sign_keyed(&hw, LIT("PUBLISH"), LIT("d"), LIT("a"), LIT("s"), SENT, sign), OK);

    /* Notifications. */
    n = (size_t)snprintf(body, sizeof body, HW_BODY_FMT, (const char *)sign);
    memset(&ev, 0xab, sizeof ev);
    EXPECT(livesign_huawei_callback_verify(NULL, 0, NULL, 0, 0, 0, NULL), IK);
    EXPECT(livesign_huawei_callback_verify(NULL, 0, NULL, 0, 0, 0, &ev), IK);
    CHECK(all_zero(&ev, sizeof ev), "zero-filled, padding included");
    EXPECT(livesign_huawei_callback_verify(KEY, 6, (const uint8_t *)body, n, SENT, 0, &ev), IK);
    EXPECT(livesign_huawei_callback_verify(NULL, 40, (const uint8_t *)body, n, SENT, 0, &ev), IA);
    EXPECT(livesign_huawei_callback_verify(HW_KEY, 40, NULL, n, SENT, 0, &ev), IA);
    EXPECT(livesign_huawei_callback_verify(HW_KEY, 40, NULL, 0, SENT, 0, &ev), MF);
    EXPECT(livesign_huawei_callback_verify(NULL, 0, big, LIVESIGN_MAX_BODY_LEN + 1, SENT, 0, &ev), IA);
    EXPECT(livesign_huawei_callback_verify(HW_KEY, 40, big, LIVESIGN_MAX_BODY_LEN, SENT, 0, &ev), MF);
    EXPECT(livesign_huawei_callback_verify(HW_KEY, 40, (const uint8_t *)body, n, UINT64_MAX, 0, &ev),
           LIVESIGN_EXPIRED);
    EXPECT(livesign_huawei_callback_verify(HW_KEY, 40, (const uint8_t *)body, n, SENT, 0, NULL), OK);
    EXPECT(livesign_huawei_callback_verify_keyed(NULL, NULL, 0, 0, 0, NULL), IA);
    EXPECT(livesign_huawei_callback_verify_keyed(&never, (const uint8_t *)body, n, SENT, 0, &ev), IA);
    EXPECT(livesign_huawei_callback_verify_keyed(&short_key, (const uint8_t *)body, n, SENT, 0, &ev), IK);
    EXPECT(livesign_huawei_callback_verify_keyed(&hw, NULL, n, SENT, 0, &ev), IA);
    EXPECT(livesign_huawei_callback_verify_keyed(&hw, NULL, 0, SENT, 0, &ev), MF);
    EXPECT(livesign_huawei_callback_verify_keyed(&hw, big, LIVESIGN_MAX_BODY_LEN + 1, SENT, 0, &ev), IA);
    EXPECT(livesign_huawei_callback_verify_keyed(&hw, (const uint8_t *)body, n, SENT, 0, &ev), OK);
    CHECK(ev.event == LIVESIGN_HUAWEI_EVENT_PUBLISH && ev.publish_time_valid == 1, "event");

    /* Ordering and ids. */
    memset(&st, 0, sizeof st);
    EXPECT(livesign_huawei_stream_apply(NULL, NULL, NULL), IA);
    EXPECT(livesign_huawei_stream_apply(NULL, &ev, &verdict), IA);
    CHECK(verdict == LIVESIGN_HUAWEI_STREAM_UNSEEN, "verdict 0 on failure");
    EXPECT(livesign_huawei_stream_apply(&st, NULL, &verdict), IA);
    EXPECT(livesign_huawei_stream_apply(&st, &ev, NULL), IA);
    st.state = 9;
    EXPECT(livesign_huawei_stream_apply(&st, &ev, &verdict), IA);
    st.state = LIVESIGN_HUAWEI_STREAM_UNSEEN;
    memset(&hand, 0, sizeof hand);
    EXPECT(livesign_huawei_stream_apply(&st, &hand, &verdict), IA);
    hand.event = LIVESIGN_HUAWEI_EVENT_PUBLISH;
    EXPECT(livesign_huawei_stream_apply(&st, &hand, &verdict), MF);
    CHECK(st.state == LIVESIGN_HUAWEI_STREAM_UNSEEN && st.publish_timestamp == 0, "unchanged on failure");
    EXPECT(livesign_huawei_stream_apply(&st, &ev, &verdict), OK);
    CHECK(verdict == LIVESIGN_HUAWEI_STREAM_LIVE && st.publish_timestamp == 5, "live");

    EXPECT(livesign_huawei_event_id(NULL, NULL, 0, NULL), IA);
    EXPECT(livesign_huawei_event_id(NULL, NULL, 0, &len), IA);
    CHECK(len == 0, "out_len 0 on failure");
    EXPECT(livesign_huawei_event_id(&ev, NULL, 9, &len), IA);
    memset(&hand, 0, sizeof hand);
    EXPECT(livesign_huawei_event_id(&hand, NULL, 0, &len), LIVESIGN_BUFFER_TOO_SMALL);
    CHECK(len == 4, "four separators");
    EXPECT(livesign_huawei_event_id(&hand, out, sizeof out, &len), OK);
    CHECK(len == 4 && memcmp(out, "////", 4) == 0, "empty fields");
    hand.stream.len = 3;
    EXPECT(livesign_huawei_event_id(&hand, out, sizeof out, &len), IA);
    hand.stream.ptr = (const uint8_t *)"a\"b";
    EXPECT(livesign_huawei_event_id(&hand, out, sizeof out, &len), MF);
    EXPECT(livesign_huawei_event_id(&ev, out, sizeof out, &len), OK);
    CHECK(len == 15 && memcmp(out, "d/a/s/5/PUBLISH", 15) == 0, "id");

    EXPECT(livesign_huawei_replay_id(NULL, NULL, 0, NULL), IA);
    EXPECT(livesign_huawei_replay_id(NULL, NULL, 0, &len), IA);
    CHECK(len == 0, "out_len 0 on failure");
    EXPECT(livesign_huawei_replay_id(&ev, NULL, 9, &len), IA);
    memset(&hand, 0, sizeof hand);
    EXPECT(livesign_huawei_replay_id(&hand, NULL, 0, &len), LIVESIGN_BUFFER_TOO_SMALL);
    CHECK(len == 5, "four separators and auth_timestamp 0");
    EXPECT(livesign_huawei_replay_id(&hand, out, sizeof out, &len), OK);
    CHECK(len == 5 && memcmp(out, "///0/", 5) == 0, "empty fields");
    hand.publish_timestamp.len = 3;
    EXPECT(livesign_huawei_replay_id(&hand, out, sizeof out, &len), OK);
    hand.app.len = 3;
    EXPECT(livesign_huawei_replay_id(&hand, out, sizeof out, &len), IA);
    hand.app.ptr = (const uint8_t *)"a\"b";
    EXPECT(livesign_huawei_replay_id(&hand, out, sizeof out, &len), MF);

    /* Recording callbacks. */
    CHECK(livesign_huawei_record_md5_len() == LIVESIGN_HUAWEI_RECORD_MD5_LEN, "len");
    EXPECT(livesign_huawei_record_sign(NULL, 0, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_huawei_record_sign(NULL, 0, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign), IK);
    EXPECT(livesign_huawei_record_sign(KEY, 6, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign), IK);
    EXPECT(livesign_huawei_record_sign(big, LIVESIGN_MAX_KEY_LEN + 1, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0,
                                       NULL, 0, sign),
           IK);
    EXPECT(livesign_huawei_record_sign(HW_KEY, 40, SENT, NULL, 1, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_record_sign(HW_KEY, 40, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, LIT("\xff"), sign),
           IA);
    EXPECT(livesign_huawei_record_sign(NULL, 0, SENT, NULL, 0, NULL, 0, NULL, 0, big, LIVESIGN_MAX_ID_LEN + 1, NULL, 0,
                                       NULL, 0, sign),
           IA);
    EXPECT(livesign_huawei_record_sign(NULL, 0, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, big, LIVESIGN_MAX_URL_LEN + 1,
                                       NULL, 0, sign),
           IA);
    EXPECT(livesign_huawei_record_sign(HW_KEY, 40, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, big, LIVESIGN_MAX_URL_LEN,
                                       NULL, 0, sign),
           OK);
    /* Each input NULL with a length, everything else right. */
    EXPECT(livesign_huawei_record_sign(NULL, 40, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_record_sign(HW_KEY, 40, SENT, NULL, 0, NULL, 1, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_record_sign(HW_KEY, 40, SENT, NULL, 0, NULL, 0, NULL, 1, NULL, 0, NULL, 0, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_record_sign(HW_KEY, 40, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 1, NULL, 0, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_record_sign(HW_KEY, 40, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 1, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_record_sign(HW_KEY, 40, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 1, sign), IA);
    EXPECT(livesign_huawei_record_sign_keyed(&hw, SENT, NULL, 1, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_record_sign_keyed(&hw, SENT, NULL, 0, NULL, 1, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_record_sign_keyed(&hw, SENT, NULL, 0, NULL, 0, NULL, 1, NULL, 0, NULL, 0, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_record_sign_keyed(&hw, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 1, NULL, 0, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_record_sign_keyed(&hw, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 1, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_record_sign_keyed(&hw, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 1, sign), IA);
    EXPECT(livesign_huawei_record_sign_keyed(NULL, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_record_sign_keyed(&hw, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_huawei_record_sign_keyed(&short_key, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign),
           IK);
    EXPECT(livesign_huawei_record_sign_keyed(&hw, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, big, LIVESIGN_MAX_URL_LEN + 1,
                                             NULL, 0, sign),
           IA);
    EXPECT(livesign_huawei_record_sign_keyed(&hw, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign), OK);
    EXPECT(livesign_huawei_record_verify(NULL, 0, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 0,
                                         0),
           IK);
    EXPECT(livesign_huawei_record_verify(HW_KEY, 40, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0,
                                         SENT, 0),
           MF);
    EXPECT(livesign_huawei_record_verify(HW_KEY, 40, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 64,
                                         SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify(NULL, 0, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, big,
                                         LIVESIGN_MAX_URL_LEN + 1, sign, 64, SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify(HW_KEY, 40, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign, 64,
                                         SENT + 1, 0),
           LIVESIGN_EXPIRED);
    EXPECT(livesign_huawei_record_verify(HW_KEY, 40, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign, 64,
                                         SENT, 0),
           OK);
    EXPECT(livesign_huawei_record_verify(NULL, 40, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign, 64,
                                         SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify(HW_KEY, 40, SENT, NULL, 1, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign, 64,
                                         SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify(HW_KEY, 40, SENT, NULL, 0, NULL, 1, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign, 64,
                                         SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify(HW_KEY, 40, SENT, NULL, 0, NULL, 0, NULL, 1, NULL, 0, NULL, 0, NULL, 0, sign, 64,
                                         SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify(HW_KEY, 40, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 1, NULL, 0, NULL, 0, sign, 64,
                                         SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify(HW_KEY, 40, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 1, NULL, 0, sign, 64,
                                         SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify(HW_KEY, 40, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 1, sign, 64,
                                         SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify_keyed(&hw, SENT, NULL, 1, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign, 64,
                                               SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify_keyed(&hw, SENT, NULL, 0, NULL, 1, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign, 64,
                                               SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify_keyed(&hw, SENT, NULL, 0, NULL, 0, NULL, 1, NULL, 0, NULL, 0, NULL, 0, sign, 64,
                                               SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify_keyed(&hw, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 1, NULL, 0, NULL, 0, sign, 64,
                                               SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify_keyed(&hw, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 1, NULL, 0, sign, 64,
                                               SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify_keyed(&hw, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 1, sign, 64,
                                               SENT, 0),
           IA);
    EXPECT(livesign_huawei_record_verify_keyed(&hw, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 64,
                                               7, 0),
           IA);
    EXPECT(livesign_huawei_record_verify_keyed(NULL, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0,
                                               0, 0),
           IA);
    EXPECT(livesign_huawei_record_verify_keyed(&hw, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 7,
                                               0),
           MF);
    EXPECT(livesign_huawei_record_verify_keyed(&hw, SENT, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign, 64,
                                               SENT, 0),
           OK);
    EXPECT(livesign_huawei_record_md5_sign(NULL, 0, 0, NULL), IA);
    EXPECT(livesign_huawei_record_md5_sign(NULL, 0, 0, md5), IK);
    EXPECT(livesign_huawei_record_md5_sign(NULL, 40, 0, md5), IA);
    EXPECT(livesign_huawei_record_md5_sign(big, LIVESIGN_MAX_KEY_LEN + 1, 0, md5), IK);
    EXPECT(livesign_huawei_record_md5_sign(HW_KEY, 40, 7, md5), OK);
    EXPECT(livesign_huawei_record_md5_verify(NULL, 0, 0, NULL, 0, 0, 0), IK);
    EXPECT(livesign_huawei_record_md5_verify(HW_KEY, 40, 7, NULL, 0, 7, 0), MF);
    EXPECT(livesign_huawei_record_md5_verify(HW_KEY, 40, 7, NULL, 32, 7, 0), IA);
    EXPECT(livesign_huawei_record_md5_verify(HW_KEY, 40, 7, md5, 32, 7, 0), OK);
    EXPECT(livesign_huawei_record_md5_verify(NULL, 40, 7, md5, 32, 7, 0), IA);

    /* SparkRTC. */
    EXPECT(livesign_huawei_sparkrtc_sign(NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_huawei_sparkrtc_sign(NULL, 0, NULL, 0, NULL, 0, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_sparkrtc_sign(NULL, 0, NULL, 0, LIT(TS10), NULL, 0, sign), IK);
    EXPECT(livesign_huawei_sparkrtc_sign(NULL, 3, NULL, 0, LIT(TS10), NULL, 0, sign), IA);
    EXPECT(livesign_huawei_sparkrtc_sign(HW_KEY, 40, NULL, 2, LIT(TS10), NULL, 0, sign), IA);
    EXPECT(livesign_huawei_sparkrtc_sign(NULL, 0, big, LIVESIGN_MAX_ID_LEN + 1, LIT(TS10), NULL, 0, sign), IA);
    EXPECT(livesign_huawei_sparkrtc_sign(NULL, 0, NULL, 0, LIT(TS10), big, LIVESIGN_MAX_BODY_LEN + 1, sign), IA);
    EXPECT(livesign_huawei_sparkrtc_sign(HW_KEY, 40, NULL, 0, LIT(TS10), big, LIVESIGN_MAX_BODY_LEN, sign), OK);
    EXPECT(livesign_huawei_sparkrtc_sign_keyed(NULL, NULL, 0, LIT(TS10), NULL, 0, sign), IA);
    EXPECT(livesign_huawei_sparkrtc_sign_keyed(&hw, NULL, 0, NULL, 0, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_sparkrtc_sign_keyed(&hw, NULL, 0, LIT(TS10), NULL, 0, NULL), IA);
    EXPECT(livesign_huawei_sparkrtc_sign(HW_KEY, 40, NULL, 0, NULL, 1, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_sparkrtc_sign(HW_KEY, 40, NULL, 0, LIT(TS10), NULL, 1, sign), IA);
    EXPECT(livesign_huawei_sparkrtc_sign_keyed(&hw, NULL, 1, LIT(TS10), NULL, 0, sign), IA);
    EXPECT(livesign_huawei_sparkrtc_sign_keyed(&hw, NULL, 0, NULL, 1, NULL, 0, sign), IA);
    EXPECT(livesign_huawei_sparkrtc_sign_keyed(&hw, NULL, 0, LIT(TS10), NULL, 1, sign), IA);
    EXPECT(livesign_huawei_sparkrtc_sign_keyed(&hw, NULL, 0, LIT(TS10), NULL, 0, sign), OK);
    EXPECT(livesign_huawei_sparkrtc_verify(NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 0, 0), IK);
    EXPECT(livesign_huawei_sparkrtc_verify(HW_KEY, 40, NULL, 0, NULL, 0, NULL, 0, sign, 64, SENT, 0), MF);
    EXPECT(livesign_huawei_sparkrtc_verify(HW_KEY, 40, NULL, 0, LIT(TS10), NULL, 0, NULL, 0, SENT, 0), MF);
    EXPECT(livesign_huawei_sparkrtc_verify(HW_KEY, 40, NULL, 0, LIT(TS10), NULL, 1, sign, 64, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify(NULL, 0, NULL, 0, LIT(TS10), big, LIVESIGN_MAX_BODY_LEN + 1, sign, 64, SENT,
                                           0),
           IA);
    EXPECT(livesign_huawei_sparkrtc_verify(HW_KEY, 40, NULL, 0, LIT(TS10), NULL, 0, sign, 64, SENT, 0), OK);
    EXPECT(livesign_huawei_sparkrtc_verify(NULL, 40, NULL, 0, LIT(TS10), NULL, 0, sign, 64, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify(HW_KEY, 40, NULL, 1, LIT(TS10), NULL, 0, sign, 64, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify(HW_KEY, 40, NULL, 0, NULL, 1, NULL, 0, sign, 64, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify(HW_KEY, 40, NULL, 0, LIT(TS10), NULL, 0, NULL, 64, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_keyed(NULL, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 0, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_keyed(&hw, NULL, 0, LIT(TS10), NULL, 0, NULL, 0, SENT, 0), MF);
    EXPECT(livesign_huawei_sparkrtc_verify_keyed(&hw, NULL, 0, LIT(TS10), NULL, 0, sign, 64, SENT + 1, 0),
           LIVESIGN_EXPIRED);
    EXPECT(livesign_huawei_sparkrtc_verify_keyed(&hw, NULL, 1, LIT(TS10), NULL, 0, sign, 64, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_keyed(&hw, NULL, 0, NULL, 1, NULL, 0, sign, 64, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_keyed(&hw, NULL, 0, LIT(TS10), NULL, 1, sign, 64, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_unit(NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 0, 0, 0), IK);
    EXPECT(livesign_huawei_sparkrtc_verify_unit(NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 3, 0, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_unit(HW_KEY, 40, NULL, 0, LIT(TS10), NULL, 0, sign, 64, 1, SENT, 0), OK);
    EXPECT(livesign_huawei_sparkrtc_verify_unit(HW_KEY, 40, NULL, 0, LIT(TS10), NULL, 0, sign, 64, 2, SENT, 0),
           MF); /* 10 digits are no millisecond timestamp */
    EXPECT(livesign_huawei_sparkrtc_verify_unit(HW_KEY, 40, NULL, 0, LIT(TS10), NULL, 0, NULL, 64, 1, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_unit(HW_KEY, 40, NULL, 0, NULL, 1, NULL, 0, sign, 64, 1, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_unit(NULL, 40, NULL, 0, LIT(TS10), NULL, 0, sign, 64, 1, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_unit_keyed(NULL, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 0, 0, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_unit_keyed(&hw, NULL, 0, LIT(TS10), NULL, 0, sign, 64, 9, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_unit_keyed(&hw, NULL, 0, LIT(TS10), NULL, 0, NULL, 0, 1, SENT, 0), MF);
    EXPECT(livesign_huawei_sparkrtc_verify_unit_keyed(&hw, NULL, 0, LIT(TS10), NULL, 0, sign, 64, 0, SENT, 0), OK);
    EXPECT(livesign_huawei_sparkrtc_verify_unit_keyed(&hw, NULL, 1, LIT(TS10), NULL, 0, sign, 64, 1, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_unit(HW_KEY, 40, NULL, 1, LIT(TS10), NULL, 0, sign, 64, 1, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_unit(HW_KEY, 40, NULL, 0, LIT(TS10), NULL, 1, sign, 64, 1, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_unit_keyed(&hw, NULL, 0, NULL, 1, NULL, 0, sign, 64, 1, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_unit_keyed(&hw, NULL, 0, LIT(TS10), NULL, 1, sign, 64, 1, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_unit_keyed(&hw, NULL, 0, LIT(TS10), NULL, 0, NULL, 64, 1, SENT, 0), IA);
    EXPECT(livesign_huawei_sparkrtc_verify_keyed(&hw, NULL, 0, LIT(TS10), NULL, 0, NULL, 64, SENT, 0), IA);

    /* URL validation A, B, D. */
    ring[0].ptr = URL_KEY;
    ring[0].len = 32;
    bad_ring[0].ptr = KEY;
    bad_ring[0].len = 6;
    EXPECT(livesign_huawei_url_a_build(NULL, 0, NULL, 0, 0, 0, NULL, 0, NULL, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_huawei_url_a_build(NULL, 0, NULL, 0, 0, 0, NULL, 0, NULL, 0, NULL, 0, &len), IA);
    CHECK(len == 0, "out_len 0 on failure");
    EXPECT(livesign_huawei_url_a_build(NULL, 0, LIT("/a/s"), 0, 0, LIT("0"), LIT("0"), NULL, 0, &len), IK);
    EXPECT(livesign_huawei_url_a_build(URL_KEY, 32, LIT("/a/s"), 0, 2, LIT("0"), LIT("0"), NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_a_build(URL_KEY, 32, NULL, 4, 0, 0, LIT("0"), LIT("0"), NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_a_build(URL_KEY, 32, LIT("/a/s"), 0, 0, LIT("0"), LIT("0"), NULL, 3, &len), IA);
    EXPECT(livesign_huawei_url_a_build(NULL, 0, big, LIVESIGN_MAX_URL_LEN + 1, 0, 0, LIT("0"), LIT("0"), NULL, 0, &len),
           IA);
    EXPECT(livesign_huawei_url_a_build(URL_KEY, 32, LIT("/a/s"), 0, 0, LIT("0"), LIT("0"), NULL, 0, &len),
           LIVESIGN_BUFFER_TOO_SMALL);
    CHECK(len > 0 && len <= LIVESIGN_HUAWEI_URL_A_MAX_LEN, "size query");
    /* The longest uri leaves room for `?` and the longest query within the verifier's bound. */
    static uint8_t path[LIVESIGN_MAX_URL_LEN];
    memset(path, 'p', sizeof path);
    path[0] = '/';
    size_t path_max = LIVESIGN_MAX_URL_LEN - 1 - LIVESIGN_HUAWEI_URL_A_MAX_LEN;
    EXPECT(livesign_huawei_url_a_build(URL_KEY, 32, path, path_max, 0, 0, LIT("0"), LIT("0"), out, sizeof out, &len), OK);
    EXPECT(livesign_huawei_url_a_build(URL_KEY, 32, path, path_max + 1, 0, 0, LIT("0"), LIT("0"), out, sizeof out, &len),
           IA);
    path_max = LIVESIGN_MAX_URL_LEN - 1 - LIVESIGN_ALIBABA_URL_A_MAX_LEN;
    EXPECT(livesign_alibaba_url_a_build(LIT("k"), path, path_max, 7, LIT("0"), LIT("0"), out, sizeof out, &len), OK);
    EXPECT(livesign_alibaba_url_a_build(LIT("k"), path, path_max + 1, 7, LIT("0"), LIT("0"), out, sizeof out, &len), IA);
    EXPECT(livesign_huawei_url_a_build(NULL, 32, LIT("/a/s"), 0, 0, LIT("0"), LIT("0"), out, sizeof out, &len), IA);
    EXPECT(livesign_huawei_url_a_build(URL_KEY, 32, LIT("/a/s"), 0, 0, NULL, 1, LIT("0"), out, sizeof out, &len), IA);
    EXPECT(livesign_huawei_url_a_build(URL_KEY, 32, LIT("/a/s"), 0, 0, LIT("0"), NULL, 1, out, sizeof out, &len), IA);
    EXPECT(livesign_huawei_url_a_build(URL_KEY, 32, LIT("/a/s"), 0, 0, LIT("0"), LIT("0"), out, sizeof out, &len), OK);
    EXPECT(livesign_huawei_url_a_verify(NULL, 0, NULL, 0, 0, 0, 0, 0, NULL), IA);
    EXPECT(livesign_huawei_url_a_verify(NULL, 1, NULL, 0, 0, 0, 60, 0, &matched), IA);
    EXPECT(livesign_huawei_url_a_verify(ring, 1, NULL, 0, 0, 0, 60, 0, &matched), MF);
    EXPECT(livesign_huawei_url_a_verify(ring, 1, NULL, 0, 0, 0, 59, 0, &matched), IA);
    EXPECT(livesign_huawei_url_a_verify(ring, 1, NULL, 0, 2, 0, 60, 0, &matched), IA);
    EXPECT(livesign_huawei_url_a_verify(ring, 1, NULL, 9, 0, 0, 60, 0, &matched), IA);
    EXPECT(livesign_huawei_url_a_verify(bad_ring, 1, NULL, 0, 0, 0, 60, 0, &matched), IK);
    EXPECT(livesign_huawei_url_a_verify(bad_ring, 1, big, LIVESIGN_MAX_URL_LEN + 1, 0, 0, 60, 0, &matched), IA);
    CHECK(matched == 99, "matched untouched on failure");

    EXPECT(livesign_huawei_url_b_build(NULL, 0, NULL, 0, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_huawei_url_b_build(NULL, 0, NULL, 0, T8, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_b_build(NULL, 0, LIT("s"), T8, NULL, 0, &len), IK);
    EXPECT(livesign_huawei_url_b_build(NULL, 32, LIT("s"), T8, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_b_build(URL_KEY, 32, NULL, 1, T8, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_b_build(URL_KEY, 32, LIT("s"), LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME + 1, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_b_build(NULL, 0, LIT("s"), LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME - 1, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_b_build(NULL, 0, big, LIVESIGN_MAX_ID_LEN + 1, T8, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_b_build(URL_KEY, 32, LIT("s"), T8, NULL, 0, &len), LIVESIGN_BUFFER_TOO_SMALL);
    CHECK(len > 0 && len <= LIVESIGN_HUAWEI_URL_B_MAX_LEN, "size query");
    EXPECT(livesign_huawei_url_b_verify(NULL, 0, NULL, 0, NULL, 0, 0, 0, 0, NULL), IA);
    EXPECT(livesign_huawei_url_b_verify(NULL, 1, LIT("s"), NULL, 0, 0, 60, 0, NULL), IA);
    EXPECT(livesign_huawei_url_b_verify(ring, 1, NULL, 1, NULL, 0, 0, 60, 0, NULL), IA);
    EXPECT(livesign_huawei_url_b_verify(ring, 1, LIT("s"), NULL, 1, 0, 60, 0, NULL), IA);
    EXPECT(livesign_huawei_url_b_verify(ring, 1, NULL, 0, NULL, 0, 0, 60, 0, NULL), IA);
    EXPECT(livesign_huawei_url_b_verify(ring, 1, LIT("s"), NULL, 0, 0, 60, 0, NULL), MF);
    EXPECT(livesign_huawei_url_b_verify(ring, 1, LIT("s"), NULL, 0, 0, 0, 0, NULL), IA);
    EXPECT(livesign_huawei_url_b_verify(bad_ring, 1, LIT("s"), NULL, 0, 0, 60, 0, NULL), IK);
    EXPECT(livesign_huawei_url_b_verify(bad_ring, 1, LIT("s"), big, LIVESIGN_MAX_URL_LEN + 1, 0, 60, 0, NULL), IA);
    EXPECT(livesign_huawei_url_b_verify(bad_ring, 1, big, LIVESIGN_MAX_ID_LEN + 1, NULL, 0, 0, 60, 0, NULL), IA);

    EXPECT(livesign_huawei_url_d_build(NULL, 0, NULL, 0, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_huawei_url_d_build(NULL, 0, NULL, 0, T8, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_d_build(NULL, 0, LIT("s"), T8, NULL, 0, &len), IK);
    EXPECT(livesign_huawei_url_d_build(NULL, 32, LIT("s"), T8, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_d_build(URL_KEY, 32, NULL, 1, T8, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_d_build(KEY, 6, LIT("s"), T8, NULL, 0, &len), IK);
    EXPECT(livesign_huawei_url_d_build(KEY, 6, LIT("s"), LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME - 1, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_d_build(NULL, 0, big, LIVESIGN_MAX_ID_LEN + 1, T8, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_d_build(URL_KEY, 32, LIT("s"), T8, NULL, 0, &len), LIVESIGN_BUFFER_TOO_SMALL);
    CHECK(len > 0 && len <= LIVESIGN_HUAWEI_URL_D_MAX_LEN, "size query");
    EXPECT(livesign_huawei_url_d_build_keyed(NULL, NULL, 0, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_huawei_url_d_build_keyed(NULL, LIT("s"), T8, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_d_build_keyed(&url, NULL, 0, T8, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_d_build_keyed(&hw, LIT("s"), T8, NULL, 0, &len), IK);
    EXPECT(livesign_huawei_url_d_build_keyed(&hw, LIT("s"), LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME - 1, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_d_build_keyed(&hw, big, LIVESIGN_MAX_ID_LEN + 1, T8, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_d_build_keyed(&url, NULL, 1, T8, NULL, 0, &len), IA);
    EXPECT(livesign_huawei_url_d_build_keyed(&url, LIT("s"), T8, out, sizeof out, &len), OK);
    n = len;
    memmove(out + 5, out, n);
    memcpy(out, "/a/s?", 5);
    n += 5;
    EXPECT(livesign_huawei_url_d_verify(NULL, 0, NULL, 0, NULL, 0, 0, 0, 0, NULL), IA);
    EXPECT(livesign_huawei_url_d_verify(ring, 1, NULL, 0, out, n, 0, 60, 0, NULL), IA);
    EXPECT(livesign_huawei_url_d_verify(ring, 1, LIT("s"), NULL, 0, 0, 60, 0, NULL), MF);
    EXPECT(livesign_huawei_url_d_verify(ring, 1, LIT("s"), out, n, 0, 61 * 60 * 24 * 30, 0, NULL), IA);
    EXPECT(livesign_huawei_url_d_verify(bad_ring, 1, LIT("s"), out, n, 0, 60, 0, NULL), IK);
    EXPECT(livesign_huawei_url_d_verify(bad_ring, 1, LIT("s"), big, LIVESIGN_MAX_URL_LEN + 1, 0, 60, 0, NULL), IA);
    EXPECT(livesign_huawei_url_d_verify(ring, 1, LIT("s"), out, n, T8 + 60, 60, 0, &matched), LIVESIGN_EXPIRED);
    EXPECT(livesign_huawei_url_d_verify(ring, 1, LIT("s"), out, n, T8 + 59, 60, 0, &matched), OK);
    EXPECT(livesign_huawei_url_d_verify(NULL, 1, LIT("s"), out, n, T8 + 59, 60, 0, NULL), IA);
    EXPECT(livesign_huawei_url_d_verify(ring, 1, NULL, 1, out, n, T8 + 59, 60, 0, NULL), IA);
    EXPECT(livesign_huawei_url_d_verify(ring, 1, LIT("s"), NULL, 1, T8 + 59, 60, 0, NULL), IA);
    CHECK(matched == 0, "matched");
    EXPECT(livesign_huawei_url_d_verify_keyed(NULL, 0, NULL, 0, NULL, 0, 0, 0, 0, NULL), IA);
    EXPECT(livesign_huawei_url_d_verify_keyed(&url, 0, LIT("s"), out, n, 0, 60, 0, NULL), IA);
    EXPECT(livesign_huawei_url_d_verify_keyed(&never, 1, LIT("s"), out, n, 0, 60, 0, NULL), IA);
    EXPECT(livesign_huawei_url_d_verify_keyed(&url, 1, LIT("s"), NULL, 0, 0, 60, 0, NULL), MF);
    EXPECT(livesign_huawei_url_d_verify_keyed(&url, 1, LIT("s"), NULL, 5, 0, 60, 0, NULL), IA);
    EXPECT(livesign_huawei_url_d_verify_keyed(&hw, 1, LIT("s"), out, n, 0, 60, 0, NULL), IK);
    EXPECT(livesign_huawei_url_d_verify_keyed(&url, 1, LIT("s"), big, LIVESIGN_MAX_URL_LEN + 1, 0, 60, 0, NULL), IA);
    EXPECT(livesign_huawei_url_d_verify_keyed(&url, 1, LIT("s"), out, n, T8, 60, 0, NULL), OK);
    EXPECT(livesign_huawei_url_d_verify_keyed(NULL, 1, LIT("s"), out, n, 0, 60, 0, NULL), IA);
    EXPECT(livesign_huawei_url_d_verify_keyed(&url, 1, NULL, 1, out, n, 0, 60, 0, NULL), IA);

    livesign_hmac_key_wipe(&hw);
    livesign_hmac_key_wipe(&short_key);
    livesign_hmac_key_wipe(&url);
}

static void alibaba(void) {
    uint8_t sign[LIVESIGN_ALIBABA_SIGN_LEN], out[LIVESIGN_ALIBABA_URL_A_MAX_LEN + 5];
    size_t len = 99, matched = 99;
    livesign_slice ring[2];
    ring[0].ptr = KEY;
    ring[0].len = 6;
    ring[1].ptr = NULL;
    ring[1].len = 0;

    CHECK(livesign_alibaba_sign_len() == LIVESIGN_ALIBABA_SIGN_LEN, "len");
    EXPECT(livesign_alibaba_url_a_build(NULL, 0, NULL, 0, 0, NULL, 0, NULL, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_alibaba_url_a_build(NULL, 0, NULL, 0, 0, NULL, 0, NULL, 0, NULL, 0, &len), IA);
    CHECK(len == 0, "out_len 0 on failure");
    EXPECT(livesign_alibaba_url_a_build(NULL, 0, LIT("/a/s"), 7, LIT("0"), LIT("0"), NULL, 0, &len), IK);
    EXPECT(livesign_alibaba_url_a_build(big, LIVESIGN_MAX_KEY_LEN + 1, LIT("/a/s"), 7, LIT("0"), LIT("0"), NULL, 0,
                                        &len),
           IK);
    EXPECT(livesign_alibaba_url_a_build(KEY, 6, NULL, 4, 7, LIT("0"), LIT("0"), NULL, 0, &len), IA);
    EXPECT(livesign_alibaba_url_a_build(KEY, 6, LIT("/a/s"), 7, NULL, 1, LIT("0"), NULL, 0, &len), IA);
    EXPECT(livesign_alibaba_url_a_build(NULL, 0, big, LIVESIGN_MAX_URL_LEN + 1, 7, LIT("0"), LIT("0"), NULL, 0, &len),
           IA);
    EXPECT(livesign_alibaba_url_a_build(NULL, 6, LIT("/a/s"), 7, LIT("0"), LIT("0"), NULL, 0, &len), IA);
    EXPECT(livesign_alibaba_url_a_build(KEY, 6, LIT("/a/s"), 7, LIT("0"), NULL, 1, NULL, 0, &len), IA);
    EXPECT(livesign_alibaba_url_a_build(KEY, 6, LIT("/a/s"), 7, LIT("0"), LIT("0"), NULL, 0, &len),
           LIVESIGN_BUFFER_TOO_SMALL);
    EXPECT(livesign_alibaba_url_a_build(KEY, 6, LIT("/a/s"), 7, LIT("0"), LIT("0"), out + 5, sizeof out - 5, &len),
           OK);
    memcpy(out, "/a/s?", 5);
    len += 5;
    EXPECT(livesign_alibaba_url_a_verify(NULL, 0, NULL, 0, 0, 0, 0, NULL), IA);
    EXPECT(livesign_alibaba_url_a_verify(ring, 1, NULL, 0, 0, 0, 0, &matched), MF);
    EXPECT(livesign_alibaba_url_a_verify(ring, 1, NULL, 3, 0, 0, 0, &matched), IA);
    EXPECT(livesign_alibaba_url_a_verify(NULL, 1, NULL, 0, 0, 0, 0, &matched), IA);
    EXPECT(livesign_alibaba_url_a_verify(ring, 2, out, len, 7, 0, 0, &matched), IK);
    EXPECT(livesign_alibaba_url_a_verify(ring, 2, big, LIVESIGN_MAX_URL_LEN + 1, 7, 0, 0, &matched), IA);
    CHECK(matched == 99, "matched untouched on failure");
    EXPECT(livesign_alibaba_url_a_verify(ring, 1, out, len, 8, 0, 0, &matched), LIVESIGN_EXPIRED);
    EXPECT(livesign_alibaba_url_a_verify(ring, 1, out, len, 7, 0, 0, &matched), OK);
    CHECK(matched == 0, "matched");

    EXPECT(livesign_alibaba_callback_sign(NULL, 0, NULL, 0, 0, NULL), IA);
    EXPECT(livesign_alibaba_callback_sign(NULL, 0, NULL, 0, 0, sign), IK);
    EXPECT(livesign_alibaba_callback_sign(KEY, 6, NULL, 1, 0, sign), IA);
    EXPECT(livesign_alibaba_callback_sign(KEY, 6, LIT("\xff"), 0, sign), IA);
    EXPECT(livesign_alibaba_callback_sign(NULL, 0, big, LIVESIGN_MAX_ID_LEN + 1, 0, sign), IA);
    EXPECT(livesign_alibaba_callback_sign(NULL, 6, LIT("d"), 7, sign), IA);
    EXPECT(livesign_alibaba_callback_sign(KEY, 6, LIT("d"), 7, sign), OK);
    EXPECT(livesign_alibaba_callback_verify(NULL, 0, NULL, 0, NULL, 0, NULL, 0, 0, 0), IK);
    EXPECT(livesign_alibaba_callback_verify(KEY, 6, LIT("d"), NULL, 0, sign, 32, 7, 0), MF);
    EXPECT(livesign_alibaba_callback_verify(KEY, 6, LIT("d"), LIT("7"), NULL, 0, 7, 0), MF);
    EXPECT(livesign_alibaba_callback_verify(KEY, 6, NULL, 1, LIT("7"), sign, 32, 7, 0), IA);
    EXPECT(livesign_alibaba_callback_verify(NULL, 0, big, LIVESIGN_MAX_ID_LEN + 1, LIT("7"), sign, 32, 7, 0), IA);
    EXPECT(livesign_alibaba_callback_verify(NULL, 0, LIT("d"), big, LIVESIGN_MAX_ID_LEN + 1, sign, 32, 7, 0), IA);
    EXPECT(livesign_alibaba_callback_verify(KEY, 6, LIT("d"), LIT("7"), sign, 32, 8, 0), LIVESIGN_EXPIRED);
    EXPECT(livesign_alibaba_callback_verify(KEY, 6, LIT("d"), LIT("7"), sign, 32, 7, 0), OK);
    EXPECT(livesign_alibaba_callback_verify(NULL, 6, LIT("d"), LIT("7"), sign, 32, 7, 0), IA);
    EXPECT(livesign_alibaba_callback_verify(KEY, 6, LIT("d"), NULL, 1, sign, 32, 7, 0), IA);
    EXPECT(livesign_alibaba_callback_verify(KEY, 6, LIT("d"), LIT("7"), NULL, 32, 7, 0), IA);
}

static void json(void) {
    uint8_t out[8];
    size_t len = 99;
    EXPECT(livesign_json_unescape(NULL, 0, NULL, 0, NULL), IA);
    EXPECT(livesign_json_unescape(NULL, 0, NULL, 0, &len), OK);
    CHECK(len == 0, "empty");
    EXPECT(livesign_json_unescape(NULL, 3, out, sizeof out, &len), IA);
    CHECK(len == 0, "out_len 0 on failure");
    EXPECT(livesign_json_unescape(LIT("a"), NULL, 1, &len), IA);
    EXPECT(livesign_json_unescape(LIT("a\""), out, sizeof out, &len), MF);
    EXPECT(livesign_json_unescape(LIT("a\\n"), out, 1, &len), LIVESIGN_BUFFER_TOO_SMALL);
    CHECK(len == 2, "size needed");
    EXPECT(livesign_json_unescape(LIT("a\\n"), out, sizeof out, &len), OK);
    CHECK(len == 2 && out[1] == '\n', "unescaped");
    EXPECT(livesign_json_unescape(big, LIVESIGN_MAX_RESPONSE_LEN + 1, NULL, 0, &len), IA);
    EXPECT(livesign_json_unescape(big, LIVESIGN_MAX_RESPONSE_LEN, NULL, 0, &len), LIVESIGN_BUFFER_TOO_SMALL);
    CHECK(len == LIVESIGN_MAX_RESPONSE_LEN, "plain text is its own value");
}

int main(void) {
    livesign_hmac_key loaded, scratch;
    big = malloc(LIVESIGN_MAX_RESPONSE_LEN + 1);
    if (big == NULL) return 2;
    memset(big, 'x', LIVESIGN_MAX_RESPONSE_LEN + 1);
    common();
    hmac_key(&loaded);
    limits(&scratch);
    tencent();
    tencent_css();
    trtc_callback(&loaded);
    trtc_rest();
    usersig(&loaded);
    huawei();
    alibaba();
    json();
    livesign_hmac_key_wipe(&loaded);
    free(big);
    printf("C null_args: %d checks, %d failures\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
