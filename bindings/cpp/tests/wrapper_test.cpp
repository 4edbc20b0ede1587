// Tests of livesign.hpp against the real library (static and shared builds).
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>

#include "livesign.hpp"

namespace {
int checks = 0, failures = 0;

void check(bool ok, const char *what, int line) {
    ++checks;
    if (!ok) {
        ++failures;
        std::fprintf(stderr, "FAIL line %d: %s\n", line, what);
    }
}
#define CHECK(cond) check((cond), #cond, __LINE__)

// The status a call throws, or Status::Ok when it returns.
livesign::Status status_of(const std::function<void()> &f) {
    try {
        f();
        return livesign::Status::Ok;
    } catch (const livesign::Error &e) {
        return e.status();
    }
}

const std::string_view kKey = "5d41402abc4b2a76b9719d911017c592";
const uint64_t kT = 1471850187;

void common() {
    CHECK(livesign::version() == std::string_view(LIVESIGN_CPP_TEST_VERSION));
    CHECK(livesign::abi_version() == LIVESIGN_ABI_VERSION);
    CHECK(std::string(livesign::status_message(livesign::Status::SignatureMismatch)) == "sign invalid");
    CHECK(std::string(livesign::status_message(livesign::Status::Expired)) == "time expired");
    livesign::Error e(livesign::Status::Malformed);
    CHECK(e.code() == 5 && std::string(e.what()) == "malformed input");
}

void tencent() {
    using namespace livesign;
    CHECK(tencent::sign(kKey, kT) == "b17971b51ba0fe5916ddcd96692e9fb3");
    CHECK(tencent::sign(kKey, 1626839220) == "5ee8ca6c28cbe415b40352969cdf8249");
    CHECK(status_of([] { tencent::verify(kKey, kT, "b17971b51ba0fe5916ddcd96692e9fb3", kT - 60); }) == Status::Ok);
    CHECK(status_of([] { tencent::verify(kKey, kT, "b17971b51ba0fe5916ddcd96692e9fb4", kT + 99); }) ==
          Status::SignatureMismatch);
    CHECK(status_of([] { tencent::verify(kKey, kT, "b17971b51ba0fe5916ddcd96692e9fb3", kT + 61, 60); }) ==
          Status::Expired);
    CHECK(status_of([] { tencent::verify(kKey, kT, "not hex", kT); }) == Status::Malformed);
    CHECK(status_of([] { tencent::sign("", kT); }) == Status::InvalidKey);
    // The default clock: a t far in the future is valid now.
    const std::string s = tencent::sign(kKey, UINT64_MAX);
    CHECK(status_of([&] { tencent::verify(kKey, UINT64_MAX, s); }) == Status::Ok);
}

void hmac_key() {
    using namespace livesign;
    CHECK(status_of([] { HmacKey k(""); }) == Status::InvalidKey);
    HmacKey a("0123456789abcdef0123456789abcdef");
    HmacKey b(std::move(a));
    // The moved-from context is wiped: every byte zero.
    const auto *raw = reinterpret_cast<const unsigned char *>(a.get());
    bool zero = true;
    for (std::size_t i = 0; i < sizeof(livesign_hmac_key); ++i) zero = zero && raw[i] == 0;
    CHECK(zero);
    HmacKey c("another key of some length......");
    c = std::move(b);
    CHECK(c.get() != nullptr);
}
const std::string_view kTrtcBody =
    "{\n\t\"EventGroupId\":\t1,\n\t\"EventType\":\t103,\n\t\"CallbackTs\":\t1615554923704,\n\t\"EventInfo\":"
    "\t{\n\t\t\"RoomId\":\t12345,\n\t\t\"EventTs\":\t1608441737,\n\t\t\"UserId\":\t\"test\",\n\t\t\"UniqueId\":"
    "\t1615554922656,\n\t\t\"Role\":\t20,\n\t\t\"Reason\":\t1\n\t}\n}";
const std::string_view kTrtcSign = "IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Uo=";

void trtc() {
    using namespace livesign;
    using namespace livesign::trtc;
    // REST URL, with a size query inside.
    const std::string url = rest_url("group_open_http_svc", "create_group", 1400000000, "admin", "eJw*-A__", 99999999);
    CHECK(url ==
          "https://console.tim.qq.com/v4/group_open_http_svc/create_group?sdkappid=1400000000&identifier=admin"
          "&usersig=eJw*-A__&random=99999999&contenttype=json");
    CHECK(status_of([] { rest_url("bad/service", "c", 1, "a", "eJw_", 1); }) == Status::InvalidArgument);
    // Envelopes.
    const std::string ok = R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"RequestId":"Id-1","GroupId":"@TGS#1"})";
    RestResponse r = parse_response(ok);
    CHECK(r.ok() && r.request_id == "Id-1" && r.error_info.empty());
    CHECK(response_field(ok, "GroupId") == "\"@TGS#1\"");
    const std::string fail = R"({"ActionStatus":"FAIL","ErrorInfo":"rate limited","ErrorCode":60007,"RequestId":"x"})";
    r = parse_response(fail);
    CHECK(!r.ok() && r.action_status == ActionStatus::Fail && r.error_code == 60007 && r.error_info == "rate limited");
    CHECK(error_retry(60007) == Retry::Backoff && error_category(60007) == ErrorCategory::RateLimit);
    CHECK(error_retry(60003) == Retry::Never && std::string(error_str(60003)).size() > 0);
    CHECK(error_category(1) == ErrorCategory::Unknown);
    CHECK(status_of([] { parse_response(R"({"ActionStatus":"OK"})"); }) == Status::Malformed);
    // Callbacks.
    CHECK(callback::sign_len() == 44);
    CHECK(callback::sign("123654", kTrtcBody) == kTrtcSign);
    CHECK(status_of([] { callback::verify("123654", kTrtcBody, kTrtcSign); }) == Status::Ok);
    HmacKey key("123654");
    CHECK(callback::sign(key, kTrtcBody) == kTrtcSign);
    CHECK(status_of([&] { callback::verify(key, kTrtcBody, kTrtcSign); }) == Status::Ok);
    std::string tampered(kTrtcBody);
    tampered[5] ^= 1;
    CHECK(status_of([&] { callback::verify("123654", tampered, kTrtcSign); }) == Status::SignatureMismatch);
    CHECK(status_of([] { callback::verify("123654", kTrtcBody, "not base64"); }) == Status::Malformed);
    CHECK(callback::verify_ring({"oldkey1", "123654"}, kTrtcBody, kTrtcSign) == 1);
    CHECK(status_of([] { callback::key_check("has space"); }) == Status::InvalidKey);
    CHECK(callback::check_time(kTrtcBody, 1615554923 + 10) == 1615554923704u);
    CHECK(status_of([] { callback::check_time(kTrtcBody, 1615554923 + 301); }) == Status::Expired);
}
}  // namespace

int main() {
    common();
    tencent();
    hmac_key();
    trtc();
    std::printf("C++ wrapper: %d checks, %d failures\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
