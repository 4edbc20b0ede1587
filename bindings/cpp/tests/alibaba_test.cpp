// Tests of livesign::alibaba against the real library: the Alibaba vectors of
// tests/vectors/others.json.
#include <string>

#include "check.hpp"

using namespace livesign::alibaba;
using livesign::Status;
using test::status_of;

void test::alibaba() {
    CHECK(sign_len() == 32 && default_leeway_s == 300 && url_a::max_len == 192);
    // alibaba.callback.signature.
    const std::string_view sig = "9e226fc2c250be266e3657e156f68c12";
    CHECK(callback::sign("yourkey", "learn.aliyundoc.com", 1519375990) == sig);
    CHECK(status_of([&] { callback::verify("yourkey", "learn.aliyundoc.com", "1519375990", sig, 1519376000); }) ==
          Status::Ok);
    CHECK(status_of([] {
              callback::verify("yourkey", "learn.aliyundoc.com", "1519375990", "9E226FC2C250BE266E3657E156F68C12",
                               1519375990 + 300);
          }) == Status::Ok);
    // Two-sided window: too old and too far ahead.
    CHECK(status_of([&] { callback::verify("yourkey", "learn.aliyundoc.com", "1519375990", sig, 1519375990 + 301); }) ==
          Status::Expired);
    CHECK(status_of([&] { callback::verify("yourkey", "learn.aliyundoc.com", "1519375990", sig, 1519375990 - 301); }) ==
          Status::Expired);
    CHECK(status_of([&] { callback::verify("yourkey", "learn.aliyundoc.com", "1519375990", sig, 1519375991, 0); }) ==
          Status::Expired);
    CHECK(status_of([&] { callback::verify("yourkey", "learn.aliyundoc.com", "1519375990", sig); }) == Status::Expired);
    CHECK(status_of([&] { callback::verify("yourkey", "other.example.com", "1519375990", sig, 1519375990); }) ==
          Status::SignatureMismatch);
    CHECK(status_of([&] { callback::verify("yourkey", "learn.aliyundoc.com", "1519375991", sig, 1519375990); }) ==
          Status::SignatureMismatch);
    CHECK(status_of([&] { callback::verify("yourkey", "learn.aliyundoc.com", "15193759x0", sig, 1519375990); }) ==
          Status::Malformed);
    CHECK(status_of([&] { callback::verify("yourkey", "learn.aliyundoc.com", "1519375990", "9e22", 1519375990); }) ==
          Status::Malformed);
    CHECK(status_of([] { callback::sign("", "learn.aliyundoc.com", 1); }) == Status::InvalidKey);
    CHECK(status_of([] { callback::sign("k", "\xff", 1); }) == Status::InvalidArgument);

    // alibaba.url.a.
    const std::string_view query = "auth_key=1740562218-0-0-c69186ea43fa225e643bac4f66868cf3";
    CHECK(url_a::build("alikey12345", "/app/stream", 1740562218) == query);
    CHECK(url_a::build("alikey12345", "/app/stream", 1740562218, "0", "0") == query);
    const std::string url = "rtmp://push.example.com/app/stream?" + std::string(query);
    CHECK(url_a::verify({"secondary", "alikey12345"}, url, 1800, 1740562218) == 1);
    CHECK(url_a::verify({"alikey12345"}, "/app/stream?" + std::string(query), 1800, 1740562218 + 1800) == 0);
    CHECK(status_of([&] { url_a::verify({"alikey12345"}, url, 1800, 1740562218 + 1801); }) == Status::Expired);
    CHECK(url_a::verify({"alikey12345"}, url, 1800, 1740562218 + 1801, 1) == 0);
    CHECK(status_of([&] { url_a::verify({"secondary"}, url, 1800, 1740562218); }) == Status::SignatureMismatch);
    CHECK(status_of([] { url_a::verify({"alikey12345"}, "/app/stream?auth_key=1-0-0", 1800, 1); }) ==
          Status::Malformed);
    CHECK(status_of([&] { url_a::verify({""}, url, 1800, 1); }) == Status::InvalidKey);
    CHECK(status_of([] { url_a::build("alikey12345", "/app/stream", 1, "a_b"); }) == Status::InvalidArgument);
    CHECK(status_of([] { url_a::build("", "/app/stream", 1); }) == Status::InvalidKey);
    // A different rand and uid change the hash; the builder and verifier agree.
    const std::string q = url_a::build("alikey12345", "/app/stream", 1740562218, "f00d", "42");
    CHECK(q.rfind("auth_key=1740562218-f00d-42-", 0) == 0 && q != query);
    CHECK(url_a::verify({"alikey12345"}, "/app/stream?" + q, 60, 1740562218) == 0);
}
