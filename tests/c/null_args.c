/* Every function of include/livesign.h called with NULL pointers, zero lengths and NULL
 * outputs: each returns its documented status (never LIVESIGN_INTERNAL, never a crash), and
 * (NULL, 0) means the same as (pointer, 0). Built by tests/c_contract.rs, which also fails
 * when a function of the header is not called here; run plain, under ASan+UBSan and under
 * valgrind by .ci/run. */
#include "livesign.h"

#include <stdio.h>
#include <string.h>

static int checks, failures;

#define CHECK(cond, what)                                                      \
    do {                                                                       \
        checks++;                                                              \
        if (!(cond)) {                                                         \
            failures++;                                                        \
            fprintf(stderr, "FAIL line %d: %s (%s)\n", __LINE__, what, #cond); \
        }                                                                      \
    } while (0)

/* A status and what it must be; also refuses anything outside the documented set. */
#define EXPECT(call, want)                                                                   \
    do {                                                                                     \
        livesign_status got_ = (call);                                                       \
        CHECK(got_ <= LIVESIGN_IDENTITY_MISMATCH, "a documented status, not INTERNAL");      \
        if (got_ != (want)) fprintf(stderr, "  got %u want %u\n", (unsigned)got_, (unsigned)(want)); \
        CHECK(got_ == (want), #call);                                                        \
    } while (0)

#define IA LIVESIGN_INVALID_ARGUMENT

static const uint8_t KEY[] = "123654";
static const uint8_t BODY[] = "{\"CallbackTs\":1}";
static const uint8_t SIGN[] = "IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Uo=";
/* A non-NULL pointer to pass with length 0: it must mean the same as NULL with 0. */
static const uint8_t EMPTY[1] = {0};

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
    size_t i, matched = 99;
    uint64_t ts = 99;
    memset(&never, 0, sizeof never);
    for (i = 0; i < LIVESIGN_MAX_KEYS + 1; i++) {
        ring[i].ptr = KEY;
        ring[i].len = 6;
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

int main(void) {
    livesign_hmac_key loaded;
    common();
    hmac_key(&loaded);
    tencent();
    trtc_callback(&loaded);
    trtc_rest();
    livesign_hmac_key_wipe(&loaded);
    printf("C null_args: %d checks, %d failures\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
