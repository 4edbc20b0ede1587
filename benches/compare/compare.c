/* Side-by-side timing of livesign against OpenSSL, in one process with interleaved rounds.
 * Built and run by benches/compare/run.sh; prints one line per measurement:
 *   <round> <name> <ns/op>
 * Each (round, name) sample times a loop calibrated to ~20 ms. The C reference functions do
 * the same work as livesign's: build the message, hash, hex-encode. */
#define _POSIX_C_SOURCE 199309L
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/md5.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "livesign.h"

static volatile uint8_t sink;

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static const char HEX[] = "0123456789abcdef";
static void hex(const uint8_t *in, size_t n, uint8_t *out) {
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = (uint8_t)HEX[in[i] >> 4];
        out[2 * i + 1] = (uint8_t)HEX[in[i] & 15];
    }
}
static size_t dec(uint64_t v, uint8_t *out) {
    uint8_t tmp[20];
    size_t n = 0;
    do { tmp[n++] = (uint8_t)('0' + v % 10); v /= 10; } while (v);
    for (size_t i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    return n;
}

/* ---- operations: each does one op for iteration i ---- */
static const uint8_t KEY32[] = "5d41402abc4b2a76b9719d911017c592";

static void op_livesign_tencent_sign(uint64_t i) {
    uint8_t out[LIVESIGN_TENCENT_SIGN_LEN];
    if (livesign_tencent_sign(KEY32, 32, 1471850187u + (i & 7), out) != LIVESIGN_OK) abort();
    sink ^= out[0];
}
static void op_openssl_md5_hex(uint64_t i) {
    uint8_t msg[64], d[16], out[32];
    memcpy(msg, KEY32, 32);
    size_t n = 32 + dec(1471850187u + (i & 7), msg + 32);
    MD5(msg, n, d);
    hex(d, 16, out);
    sink ^= out[0];
}

/* Huawei stream notification: the seed 004 fields, a 32-character key. */
static const uint8_t HW_KEY[] = "GCTbw44s6MPLh4GqgDpnfuFHgy25Enly";
#define HW_EVENT "PUBLISH"
#define HW_DOMAIN "push.example.com"
#define HW_APP "live"
#define HW_STREAM "example_stream"
#define HW_TS 1587954140u
static uint8_t hw_msg[128];
static size_t hw_msg_len;
static char hw_body[640];
static size_t hw_body_len;
static livesign_hmac_key hw_ctx;
static HMAC_CTX *hw_hmac_ctx;

static void op_livesign_huawei_sign(uint64_t i) {
    uint8_t out[LIVESIGN_HUAWEI_SIGN_LEN];
    if (livesign_huawei_sign(HW_KEY, 32, (const uint8_t *)HW_EVENT, 7, (const uint8_t *)HW_DOMAIN, 16,
                             (const uint8_t *)HW_APP, 4, (const uint8_t *)HW_STREAM, 14, HW_TS + (i & 7), out) != LIVESIGN_OK)
        abort();
    sink ^= out[0];
}
static void op_openssl_hmac_oneshot(uint64_t i) {
    uint8_t msg[128], md[32], out[64];
    unsigned md_len = 0;
    size_t n = 0;
    memcpy(msg + n, HW_EVENT, 7); n += 7;
    memcpy(msg + n, HW_DOMAIN, 16); n += 16;
    memcpy(msg + n, HW_APP, 4); n += 4;
    memcpy(msg + n, HW_STREAM, 14); n += 14;
    n += dec(HW_TS + (i & 7), msg + n);
    HMAC(EVP_sha256(), HW_KEY, 32, msg, n, md, &md_len);
    hex(md, 32, out);
    sink ^= out[0];
}
static void op_livesign_huawei_verify_keyed(uint64_t i) {
    (void)i;
    if (livesign_huawei_callback_verify_keyed(&hw_ctx, (const uint8_t *)hw_body, hw_body_len, HW_TS, 0, NULL) != LIVESIGN_OK)
        abort();
}
static void op_openssl_hmac_ctx_reuse(uint64_t i) {
    uint8_t md[32];
    unsigned md_len = 0;
    (void)i;
    HMAC_Init_ex(hw_hmac_ctx, NULL, 0, NULL, NULL);
    HMAC_Update(hw_hmac_ctx, hw_msg, hw_msg_len);
    HMAC_Final(hw_hmac_ctx, md, &md_len);
    sink ^= md[0];
}

/* TRTC UserSig: the spec's c1 inputs. */
static const uint8_t US_KEY[] = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
static livesign_hmac_key us_ctx;
static uint8_t us_token[1024];
static size_t us_token_len;
/* A dynamic-Huffman token for the same key, app, user and issue time. */
static uint8_t us_dyn_token[1024];
static size_t us_dyn_token_len;

static void op_livesign_usersig_gen_keyed(uint64_t i) {
    uint8_t out[512];
    size_t len = 0;
    if (livesign_usersig_gen_keyed(1400000000u, &us_ctx, (const uint8_t *)"xiaojun", 7, 15552000u,
                                   1700000000u + (i & 7), NULL, 0, out, sizeof out, &len) != LIVESIGN_OK)
        abort();
    sink ^= out[len - 1];
}
static void op_livesign_usersig_verify_keyed(uint64_t i) {
    (void)i;
    if (livesign_usersig_verify_keyed(1400000000u, &us_ctx, (const uint8_t *)"xiaojun", 7, us_token, us_token_len,
                                      1700000000u, 0, NULL) != LIVESIGN_OK)
        abort();
}
static void op_livesign_usersig_verify_dynamic_keyed(uint64_t i) {
    (void)i;
    if (livesign_usersig_verify_keyed(1400000000u, &us_ctx, (const uint8_t *)"xiaojun", 7, us_dyn_token,
                                      us_dyn_token_len, 1700000000u, 0, NULL) != LIVESIGN_OK)
        abort();
}
static void op_livesign_usersig_verify_raw(uint64_t i) {
    (void)i;
    if (livesign_usersig_verify(1400000000u, US_KEY, 64, (const uint8_t *)"xiaojun", 7, us_token, us_token_len,
                                1700000000u, 0, NULL) != LIVESIGN_OK)
        abort();
}

/* A token file's text without its line end. */
static size_t read_token(const char *path, uint8_t *buf, size_t cap) {
    FILE *f = fopen(path, "rb");
    size_t len;
    if (!f) { perror(path); exit(2); }
    len = fread(buf, 1, cap, f);
    fclose(f);
    while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r')) len--;
    return len;
}

static void setup(const char *token_path, const char *dyn_token_path) {
    uint8_t sign[LIVESIGN_HUAWEI_SIGN_LEN];
    hw_msg_len = 0;
    memcpy(hw_msg, HW_EVENT HW_DOMAIN HW_APP HW_STREAM, 41);
    hw_msg_len = 41 + dec(HW_TS, hw_msg + 41);
    if (livesign_huawei_sign(HW_KEY, 32, (const uint8_t *)HW_EVENT, 7, (const uint8_t *)HW_DOMAIN, 16,
                             (const uint8_t *)HW_APP, 4, (const uint8_t *)HW_STREAM, 14, HW_TS, sign) != LIVESIGN_OK)
        abort();
    /* Seed 004's example body, with its long user_args: about 400 bytes. */
    hw_body_len = (size_t)snprintf(hw_body, sizeof hw_body,
        "{\n    \"domain\":\"" HW_DOMAIN "\",\n    \"app\":\"" HW_APP "\",\n    \"stream\":\"" HW_STREAM "\",\n"
        "    \"user_args\":\"auth_info=yz1TG0PVN/5isfyrGrRj10gKPCWqSS2X02t6QsRrocH+mEq0gQ0g8k6KhalS84sQ+kDprFyqI0yajbYiFmUO8e45B7ryaS+MpJBlYkhwnuFLnRiKK/IXG7.33436b625354564f6e4d4d434f55&cdn=hw\",\n"
        "    \"client_ip\":\"100.111.*.*\",\n    \"node_ip\":\"112.11.*.*\",\n    \"publish_timestamp\":\"1587954134\",\n"
        "    \"event\":\"" HW_EVENT "\",\n    \"auth_timestamp\":%u,\n    \"auth_sign\":\"%.64s\"\n}", HW_TS, (const char *)sign);
    if (livesign_hmac_key_init(&hw_ctx, HW_KEY, 32) != LIVESIGN_OK) abort();
    hw_hmac_ctx = HMAC_CTX_new();
    HMAC_Init_ex(hw_hmac_ctx, HW_KEY, 32, EVP_sha256(), NULL);
    if (livesign_hmac_key_init(&us_ctx, US_KEY, 64) != LIVESIGN_OK) abort();
    us_token_len = read_token(token_path, us_token, sizeof us_token);
    us_dyn_token_len = read_token(dyn_token_path, us_dyn_token, sizeof us_dyn_token);
    /* Every operation is checked once before it is timed. */
    op_livesign_huawei_verify_keyed(0);
    op_livesign_usersig_verify_keyed(0);
    op_livesign_usersig_verify_dynamic_keyed(0);
}

typedef struct { const char *name; void (*op)(uint64_t); } bench;
static const bench BENCHES[] = {
    {"tencent_sign/livesign", op_livesign_tencent_sign},
    {"tencent_sign/openssl_MD5_hex", op_openssl_md5_hex},
    {"huawei_sign/livesign_raw_key", op_livesign_huawei_sign},
    {"huawei_sign/openssl_HMAC_oneshot", op_openssl_hmac_oneshot},
    {"huawei_verify/livesign_keyed", op_livesign_huawei_verify_keyed},
    {"huawei_verify/openssl_HMAC_CTX_reuse", op_openssl_hmac_ctx_reuse},
    {"usersig_gen/livesign_keyed", op_livesign_usersig_gen_keyed},
    {"usersig_verify/livesign_keyed", op_livesign_usersig_verify_keyed},
    {"usersig_verify/livesign_raw_key", op_livesign_usersig_verify_raw},
    {"usersig_verify_dynamic/livesign_keyed", op_livesign_usersig_verify_dynamic_keyed},
};

static double sample(void (*op)(uint64_t), uint64_t iters) {
    double t0 = now_ns();
    for (uint64_t i = 0; i < iters; i++) op(i);
    return (now_ns() - t0) / (double)iters;
}

/* usage: compare <round id> <Python-made UserSig file> <dynamic-Huffman UserSig file> [rounds] */
int main(int argc, char **argv) {
    int first = argc > 1 ? atoi(argv[1]) : 0;
    int rounds = argc > 4 ? atoi(argv[4]) : 1;
    if (argc < 4) {
        fprintf(stderr, "usage: %s <round id> <token file> <dynamic token file> [rounds]\n", argv[0]);
        return 2;
    }
    setup(argv[2], argv[3]);
    size_t nb = sizeof BENCHES / sizeof BENCHES[0];
    uint64_t iters[64];
    for (size_t b = 0; b < nb; b++) { /* calibrate to ~20 ms per sample */
        double per = sample(BENCHES[b].op, 1000);
        per = sample(BENCHES[b].op, 1000);
        iters[b] = (uint64_t)(20e6 / (per > 1 ? per : 1)) + 1;
    }
    for (int r = 0; r < rounds; r++)
        for (size_t b = 0; b < nb; b++) printf("%d %s %.1f\n", first + r, BENCHES[b].name, sample(BENCHES[b].op, iters[b]));
    return 0;
}
