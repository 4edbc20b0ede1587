/* C test of the Tencent Chat / TRTC REST API (request URL, response envelope, error catalog),
 * compiled against include/livesign.h and the static library by tests/c_trtc_rest.rs.
 *
 * stdin: seed 002's table of common REST error codes, one per line: <code> <description> */
#include "livesign.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const uint8_t *u8(const char *s) { return (const uint8_t *)s; }

static int slice_is(livesign_slice s, const char *text) {
    size_t n = strlen(text);
    if (n == 0) return s.ptr == NULL && s.len == 0;
    return s.len == n && memcmp(s.ptr, text, n) == 0;
}

/* livesign_trtc_rest_url with NUL-terminated text inputs; host may be NULL. */
static livesign_status url(const char *host, const char *service, const char *command, uint64_t sdkappid,
                           const char *identifier, const char *usersig, uint32_t random, uint8_t *out, size_t cap,
                           size_t *out_len) {
    return livesign_trtc_rest_url(host ? u8(host) : NULL, host ? strlen(host) : 0, u8(service), strlen(service),
                                  u8(command), strlen(command), sdkappid, u8(identifier), strlen(identifier),
                                  u8(usersig), strlen(usersig), random, out, cap, out_len);
}

static void check_url(void) {
    static const char expected[] =
        "https://console.tim.qq.com/v4/im_open_login_svc/account_import?sdkappid=1400000000"
        "&identifier=administrator&usersig=eJwtzM0KgkAUBeB3udtC7h1n-AJaV7J-hC3-Ukg*VXI_&random=99999999"
        "&contenttype=json";
    static const char sig[] = "eJwtzM0KgkAUBeB3udtC7h1n-AJaV7J-hC3-Ukg*VXI_";
    uint8_t out[512];
    size_t len = 0, need = 0;

    /* Size query, too small, exact, default host. */
    CHECK(url(NULL, "im_open_login_svc", "account_import", 1400000000u, "administrator", sig, 99999999u, NULL, 0,
              &need) == LIVESIGN_BUFFER_TOO_SMALL,
          "size query");
    CHECK(need == strlen(expected), "size query gives the exact size");
    CHECK(url(NULL, "im_open_login_svc", "account_import", 1400000000u, "administrator", sig, 99999999u, out,
              need - 1, &len) == LIVESIGN_BUFFER_TOO_SMALL,
          "one byte short");
    CHECK(len == need, "needed size reported");
    CHECK(url(NULL, "im_open_login_svc", "account_import", 1400000000u, "administrator", sig, 99999999u, out, need,
              &len) == LIVESIGN_OK,
          "exact buffer");
    CHECK(len == need && memcmp(out, expected, len) == 0, "seed 002 URL");
    CHECK(url("", "im_open_login_svc", "account_import", 1400000000u, "administrator", sig, 99999999u, out,
              sizeof out, &len) == LIVESIGN_OK,
          "empty host");
    CHECK(len == need && memcmp(out, expected, len) == 0, "empty host is the default host");

    /* Host override and percent-encoding of a UTF-8 identifier. */
    CHECK(url("adminapisgp.im.qcloud.com", "openim", "sendmsg", 7, "\xe7\xae\xa1 a&b", "AAAA", 0, out, sizeof out,
              &len) == LIVESIGN_OK,
          "override");
    {
        static const char want[] = "https://adminapisgp.im.qcloud.com/v4/openim/sendmsg?sdkappid=7"
                                   "&identifier=%E7%AE%A1%20a%26b&usersig=AAAA&random=0&contenttype=json";
        CHECK(len == strlen(want) && memcmp(out, want, len) == 0, "override URL");
    }
    CHECK(url("localhost:8080", "s", "c", UINT64_MAX, "a", "AAAA", UINT32_MAX, out, sizeof out, &len) == LIVESIGN_OK,
          "limits");
    {
        static const char want[] = "https://localhost:8080/v4/s/c?sdkappid=18446744073709551615&identifier=a"
                                   "&usersig=AAAA&random=4294967295&contenttype=json";
        CHECK(len == strlen(want) && memcmp(out, want, len) == 0, "limits URL");
    }

    /* Bad input, in order. */
    len = 9;
    CHECK(url(NULL, "open/im", "sendmsg", 1, "admin", "AAAA", 1, out, sizeof out, &len) == LIVESIGN_INVALID_ARGUMENT,
          "service with /");
    CHECK(len == 0, "out_len 0 on failure");
    CHECK(url(NULL, "openim", "", 1, "admin", "AAAA", 1, out, sizeof out, &len) == LIVESIGN_INVALID_ARGUMENT,
          "empty command");
    CHECK(url("https://h", "openim", "sendmsg", 1, "admin", "AAAA", 1, out, sizeof out, &len) ==
              LIVESIGN_INVALID_ARGUMENT,
          "host with scheme");
    CHECK(url(NULL, "openim", "sendmsg", 1, "", "AAAA", 1, out, sizeof out, &len) == LIVESIGN_INVALID_ARGUMENT,
          "empty identifier");
    CHECK(url(NULL, "openim", "sendmsg", 1, "ad\xffmin", "AAAA", 1, out, sizeof out, &len) ==
              LIVESIGN_INVALID_ARGUMENT,
          "identifier not UTF-8");
    CHECK(url(NULL, "openim", "sendmsg", 1, "admin", "AA+/", 1, out, sizeof out, &len) == LIVESIGN_MALFORMED,
          "standard base64 usersig");
    CHECK(url(NULL, "openim", "sendmsg", 1, "admin", "AAA", 1, out, sizeof out, &len) == LIVESIGN_MALFORMED,
          "usersig length");
    CHECK(url(NULL, "", "sendmsg", 1, "admin", "", 1, out, sizeof out, &len) == LIVESIGN_INVALID_ARGUMENT,
          "arguments before the usersig");
    CHECK(url(NULL, "openim", "sendmsg", 1, "admin", "AAAA", 1, out, sizeof out, NULL) == LIVESIGN_INVALID_ARGUMENT,
          "NULL out_len");
    CHECK(url(NULL, "openim", "sendmsg", 1, "admin", "AAAA", 1, NULL, 10, &len) == LIVESIGN_INVALID_ARGUMENT,
          "NULL out with a capacity");
    CHECK(livesign_trtc_rest_url(NULL, 0, NULL, 6, u8("sendmsg"), 7, 1, u8("admin"), 5, u8("AAAA"), 4, 1, out,
                                 sizeof out, &len) == LIVESIGN_INVALID_ARGUMENT,
          "NULL service with a length");

    /* The longest URL (every name at LIVESIGN_MAX_ID_LEN, the identifier all percent-encoded,
       the longest UserSig, 20 + 10 digits) fills LIVESIGN_TRTC_REST_URL_MAX_LEN exactly. */
    {
        static char name[LIVESIGN_MAX_ID_LEN + 1], host[LIVESIGN_MAX_ID_LEN + 1], id[LIVESIGN_MAX_ID_LEN + 1];
        static char longest_sig[LIVESIGN_USERSIG_MAX_LEN + 1];
        static uint8_t big[LIVESIGN_TRTC_REST_URL_MAX_LEN];
        memset(name, 'n', LIVESIGN_MAX_ID_LEN);
        /* DNS allows no label over 63 characters and no name over 253: labels and a port. */
        memset(host, 'h', LIVESIGN_MAX_ID_LEN);
        host[63] = host[127] = host[191] = '.';
        memcpy(host + 253, ":80", 3);
        memset(id, ' ', LIVESIGN_MAX_ID_LEN);
        memset(longest_sig, 'A', LIVESIGN_USERSIG_MAX_LEN);
        CHECK(url(host, name, name, UINT64_MAX, id, longest_sig, UINT32_MAX, big, sizeof big, &len) == LIVESIGN_OK &&
                  len == LIVESIGN_TRTC_REST_URL_MAX_LEN,
              "the longest URL fits LIVESIGN_TRTC_REST_URL_MAX_LEN");
    }
}

static void check_response(void) {
    static const char ok[] = "{\n\"ActionStatus\": \"OK\",\n\"ErrorInfo\": \"\",\n\"ErrorCode\": 0,\n"
                             "\"RequestId\": \"Id-70e312f1de024af5a36714b7b71da224-O-Seq-63504\"\n}";
    static const char fail[] = "{\"ActionStatus\":\"FAIL\",\"ErrorInfo\":\"HTTP request JSON parsing error, please "
                               "check the JSON format\",\"ErrorCode\":60003,\"RequestId\":\"Id-2\",\"ErrorList\":[1,2]}";
    static const char dup[] = "{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0,\"ErrorCode\":1,"
                              "\"RequestId\":\"r\"}";
    static const char missing[] = "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"RequestId\":\"r\"}";
    static const char mistyped[] = "{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":\"0\",\"RequestId\":\"r\"}";
    livesign_trtc_rest_response r;
    livesign_slice v;
    size_t n;

    CHECK(livesign_trtc_rest_response_parse(u8(ok), strlen(ok), &r) == LIVESIGN_OK, "OK body");
    CHECK(r.action_status == LIVESIGN_TRTC_ACTION_OK && r.error_code == 0, "OK fields");
    CHECK(slice_is(r.error_info, "") && slice_is(r.request_id, "Id-70e312f1de024af5a36714b7b71da224-O-Seq-63504"),
          "OK slices");
    CHECK(r.request_id.ptr > u8(ok) && r.request_id.ptr < u8(ok) + strlen(ok), "views into the body");

    CHECK(livesign_trtc_rest_response_parse(u8(fail), strlen(fail), &r) == LIVESIGN_OK, "FAIL body");
    CHECK(r.action_status == LIVESIGN_TRTC_ACTION_FAIL && r.error_code == 60003, "FAIL fields");
    CHECK(slice_is(r.error_info, "HTTP request JSON parsing error, please check the JSON format"), "ErrorInfo");
    CHECK(slice_is(r.request_id, "Id-2"), "RequestId");
    CHECK(livesign_trtc_rest_error_retry(r.error_code) == LIVESIGN_TRTC_RETRY_NEVER, "60003: never retry");
    CHECK(strcmp(livesign_trtc_rest_error_str(r.error_code),
                 "HTTP request JSON parsing error, please check the JSON format") == 0,
          "60003 text");
    CHECK(livesign_trtc_rest_response_parse(u8(fail), strlen(fail), NULL) == LIVESIGN_OK, "nullable response");

    CHECK(livesign_trtc_rest_response_field(u8(fail), strlen(fail), u8("ErrorList"), 9, &v) == LIVESIGN_OK, "field");
    CHECK(slice_is(v, "[1,2]"), "field raw value");
    CHECK(livesign_trtc_rest_response_field(u8(fail), strlen(fail), u8("RequestId"), 9, &v) == LIVESIGN_OK, "string");
    CHECK(slice_is(v, "\"Id-2\""), "strings keep their quotes");
    CHECK(livesign_trtc_rest_response_field(u8(fail), strlen(fail), u8("Nope"), 4, &v) == LIVESIGN_OK, "absent");
    CHECK(v.ptr == NULL && v.len == 0, "absent is the empty slice");
    CHECK(livesign_trtc_rest_response_field(u8(dup), strlen(dup), u8("ErrorCode"), 9, &v) == LIVESIGN_MALFORMED,
          "field twice");
    CHECK(livesign_trtc_rest_response_field(u8(fail), strlen(fail), u8("X"), 1, NULL) == LIVESIGN_INVALID_ARGUMENT,
          "NULL value");

    r.action_status = LIVESIGN_TRTC_ACTION_OK;
    r.error_code = 5;
    CHECK(livesign_trtc_rest_response_parse(u8(dup), strlen(dup), &r) == LIVESIGN_MALFORMED, "duplicate ErrorCode");
    CHECK(r.action_status == LIVESIGN_TRTC_ACTION_NONE && r.error_code == 0 && r.error_info.ptr == NULL &&
              r.request_id.len == 0,
          "zero-filled on failure");
    CHECK(livesign_trtc_rest_response_parse(u8(missing), strlen(missing), &r) == LIVESIGN_MALFORMED,
          "missing ErrorInfo");
    CHECK(livesign_trtc_rest_response_parse(u8(mistyped), strlen(mistyped), &r) == LIVESIGN_MALFORMED,
          "string ErrorCode");
    for (n = 0; n < strlen(fail); n++) {
        CHECK(livesign_trtc_rest_response_parse(u8(fail), n, &r) == LIVESIGN_MALFORMED, "truncated");
    }
    CHECK(livesign_trtc_rest_response_parse(NULL, 5, &r) == LIVESIGN_INVALID_ARGUMENT, "NULL body");
}

static void check_catalog_entry(long long code, const char *text) {
    CHECK(strcmp(livesign_trtc_rest_error_str(code), text) == 0, text);
    CHECK(livesign_trtc_rest_error_category(code) != LIVESIGN_TRTC_ERROR_UNKNOWN, text);
    CHECK(livesign_trtc_rest_error_retry(code) != LIVESIGN_TRTC_RETRY_UNKNOWN, text);
}

static void check_catalog(void) {
    static const int64_t backoff[] = {60007, 60011, 60018, 60019, 60008};
    static const int64_t unknown[] = {0, -1, 60001, 60022, 70001, INT64_MIN, INT64_MAX};
    size_t i;
    for (i = 0; i < sizeof backoff / sizeof backoff[0]; i++) {
        CHECK(livesign_trtc_rest_error_retry(backoff[i]) == LIVESIGN_TRTC_RETRY_BACKOFF, "backoff");
    }
    CHECK(livesign_trtc_rest_error_category(60007) == LIVESIGN_TRTC_ERROR_RATE_LIMIT, "60007 rate limit");
    CHECK(livesign_trtc_rest_error_category(60008) == LIVESIGN_TRTC_ERROR_SERVER, "60008 server");
    CHECK(livesign_trtc_rest_error_category(60003) == LIVESIGN_TRTC_ERROR_REQUEST, "60003 request");
    CHECK(livesign_trtc_rest_error_retry(60003) == LIVESIGN_TRTC_RETRY_NEVER, "60003 never");
    for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        CHECK(strcmp(livesign_trtc_rest_error_str(unknown[i]), "unknown error code") == 0, "unknown text");
        CHECK(livesign_trtc_rest_error_category(unknown[i]) == LIVESIGN_TRTC_ERROR_UNKNOWN, "unknown category");
        CHECK(livesign_trtc_rest_error_retry(unknown[i]) == LIVESIGN_TRTC_RETRY_UNKNOWN, "unknown retry");
    }
}

int main(void) {
    char line[1024];
    int codes = 0;
    check_url();
    check_response();
    check_catalog();
    while (fgets(line, sizeof line, stdin)) {
        char *text;
        long long code = strtoll(line, &text, 10);
        size_t n;
        if (*text != ' ') {
            fprintf(stderr, "bad input line: %s", line);
            return 2;
        }
        text++;
        n = strlen(text);
        if (n > 0 && text[n - 1] == '\n') text[n - 1] = '\0';
        check_catalog_entry(code, text);
        codes++;
    }
    printf("C trtc_rest: %d codes, %d checks, %d failures\n", codes, checks, failures);
    return failures == 0 && codes > 0 ? 0 : 1;
}
