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
}  // namespace

int main() {
    common();
    tencent();
    hmac_key();
    std::printf("C++ wrapper: %d checks, %d failures\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
