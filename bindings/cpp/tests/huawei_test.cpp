// Tests of livesign::huawei against the real library: every vector of tests/vectors/huawei.json
// and the SparkRTC one of others.json.
#include <string>

#include "check.hpp"

using namespace livesign;
using test::status_of;

namespace {

// huawei.notify.stream.*: (key, event, domain, app, stream, auth_timestamp, auth_sign).
struct NotifyVector {
    std::string key;
    std::string_view event, domain, app, stream;
    uint64_t auth_timestamp;
    std::string_view sign;
};
const std::string kNotifyKey = "0123456789abcdefghijklmnopqrstuvWXYZ";
const NotifyVector kNotifyVectors[] = {
    {kNotifyKey, "PUBLISH", "push.example.com", "live", "example_stream", 1587954140,
     "881453d45e1c4bdf4dbd4aeeeca4246805a575aa0d94d2319e19d17a1162c9bc"},
    {kNotifyKey, "PUBLISH_DONE", "push.example.com", "live", "example_stream", 1587954140,
     "25f620d0b08e77328c8b18f09a54e8e1d5449125e5070c7e2ffb9b0eb3ebbff1"},
    {kNotifyKey, "PUBLISH", "push.example.com", "live", "\xe7\x9b\xb4\xe6\x92\xad\xe6\xb5\x81_1", 1700000000,
     "876805b7895d83b1986a79e65a7c2904c00b2a664cb6a0dae4fd3f3b8c1dd608"},
    {std::string(32, 'K'), "PUBLISH_DONE", "push.example.com", "live", "abc", 1700000300,
     "3cd7911976f98ac9ba8e0ccb0e7944993203b7ba0328e46dd8159121f75ea588"},
    {std::string(128, 'K'), "PUBLISH_DONE", "push.example.com", "live", "abc", 1700000300,
     "c43f12fef193f2f3c7d4550867a1119e448019463b28b016bc00b83c3574eaea"},
};

// A notification body; the texts are JSON string text as written.
std::string body(std::string_view event, std::string_view domain, std::string_view app, std::string_view stream,
                 std::string_view publish_timestamp, uint64_t auth_timestamp, std::string_view sign) {
    return R"({"domain":")" + std::string(domain) + R"(","app":")" + std::string(app) + R"(","stream":")" +
           std::string(stream) + R"(","publish_timestamp":")" + std::string(publish_timestamp) + R"(","event":")" +
           std::string(event) + R"(","auth_timestamp":)" + std::to_string(auth_timestamp) + R"(,"auth_sign":")" +
           std::string(sign) + "\"}";
}

// Seed 004's example body (auth_sign: the huawei.notify.stream.publish vector).
const std::string kSeedBody = R"({
    "domain":"push.example.com",
    "app":"live",
    "stream":"example_stream",
    "user_args":"auth_info=yz1TG0PVN/5isfyrGrRj10gKPCWqSS2X02t6QsRrocH+mEq0gQ0g8k6KhalS84sQ+kDprFyqI0yajbYiFmUO8e45B7ryaS+MpJBlYkhwnuFLnRiKK/IXG7.33436b625354564f6e4d4d434f55&cdn=hw",
    "client_ip":"100.111.*.*",
    "node_ip":"112.11.*.*",
    "publish_timestamp":"1587954134",
    "event":"PUBLISH",
    "auth_timestamp":1587954140,
    "auth_sign":"881453d45e1c4bdf4dbd4aeeeca4246805a575aa0d94d2319e19d17a1162c9bc"
})";

void notifications() {
    using namespace huawei;
    CHECK(sign_len() == 64 && default_leeway_s == 300 && max_auth_timestamp == 9999999999u);
    CHECK(sign(std::string(32, 'k'), "PUBLISH", "d", "a", "s", max_auth_timestamp).size() == 64);
    CHECK(status_of([] { sign(std::string(32, 'k'), "PUBLISH", "d", "a", "s", max_auth_timestamp + 1); }) ==
          Status::InvalidArgument);
    // Exactly 10 digits: a 9-digit time is refused when signing and when verifying, whatever the
    // leeway (room1 + 1587954140 is also room11 + 587954140).
    CHECK(min_auth_timestamp == 1000000000u);
    CHECK(sign(std::string(32, 'k'), "PUBLISH", "d", "a", "s", min_auth_timestamp).size() == 64);
    CHECK(status_of([] { sign(std::string(32, 'k'), "PUBLISH", "d", "a", "s", min_auth_timestamp - 1); }) ==
          Status::InvalidArgument);
    {
        const std::string k(32, 'k');
        const std::string sig = sign(k, "PUBLISH", "d", "live", "room1", 1587954140);
        const std::string recut = R"({"event":"PUBLISH","domain":"d","app":"live","stream":"room11",)"
                                  R"("auth_timestamp":587954140,"auth_sign":")" + sig + "\"}";
        CHECK(status_of([&] { verify(k, recut, 1587954140, UINT32_MAX); }) == Status::Malformed);
    }
    {
        // A present empty field reads as an absent one: the C event has {NULL, 0} for both.
        const std::string k(32, 'k');
        const std::string b =
            body("PUBLISH", "d", "a", "s", "", 1700000000, sign(k, "PUBLISH", "d", "a", "s", 1700000000));
        const Event e = verify(k, b, 1700000000);
        CHECK(e.publish_timestamp.data() == nullptr && !e.publish_time && e.text(Field::PublishTimestamp).empty());
        CHECK(event_id(e) == "d/a/s//PUBLISH");
    }
    for (const NotifyVector &v : kNotifyVectors) {
        CHECK(sign(v.key, v.event, v.domain, v.app, v.stream, v.auth_timestamp) == v.sign);
        HmacKey key(v.key);
        CHECK(sign(key, v.event, v.domain, v.app, v.stream, v.auth_timestamp) == v.sign);
        const std::string b = body(v.event, v.domain, v.app, v.stream, "1700000000", v.auth_timestamp, v.sign);
        const Event e = verify(v.key, b, v.auth_timestamp);
        CHECK(e.kind == (v.event == "PUBLISH" ? EventKind::Publish : EventKind::PublishDone));
        CHECK(e.event_text == v.event && e.domain == v.domain && e.app == v.app && e.stream == v.stream);
        CHECK(e.auth_timestamp == v.auth_timestamp && e.publish_time == std::optional<uint64_t>(1700000000));
        CHECK(e.escaped == 0 && e.user_args.data() == nullptr && e.client_ip.data() == nullptr);
        CHECK(verify(key, b, v.auth_timestamp).stream == v.stream);
        // The default leeway is 300 s; the default clock is long past these times.
        CHECK(status_of([&] { verify(v.key, b, v.auth_timestamp + 300); }) == Status::Ok);
        CHECK(status_of([&] { verify(key, b, v.auth_timestamp + 301); }) == Status::Expired);
        CHECK(status_of([&] { verify(v.key, b, v.auth_timestamp + 1, 0); }) == Status::Expired);
        CHECK(status_of([&] { verify(v.key, b); }) == Status::Expired);
        std::string wrong = v.key;
        wrong.back() ^= 1;
        CHECK(status_of([&] { verify(wrong, b, v.auth_timestamp); }) == Status::SignatureMismatch);
        CHECK(status_of([&] { verify(v.key, std::string_view(b).substr(0, b.size() - 1), v.auth_timestamp); }) ==
              Status::Malformed);
        std::string tampered = b;
        tampered[tampered.find(std::string(v.stream))] ^= 1;
        CHECK(status_of([&] { verify(v.key, tampered, v.auth_timestamp); }) == Status::SignatureMismatch);
    }
    // Seed 004: every field, views into the body.
    Event e = verify(kNotifyKey, kSeedBody, 1587954150);
    CHECK(e.kind == EventKind::Publish && e.event_text == "PUBLISH");
    CHECK(e.publish_time == std::optional<uint64_t>(1587954134) && e.auth_timestamp == 1587954140);
    CHECK(e.publish_timestamp == "1587954134" && e.client_ip == "100.111.*.*" && e.node_ip == "112.11.*.*");
    CHECK(e.user_args.substr(0, 10) == "auth_info=" && e.user_args.data() > kSeedBody.data() &&
          e.user_args.data() < kSeedBody.data() + kSeedBody.size());
    CHECK(e.text(Field::UserArgs) == e.user_args && !e.is_escaped(Field::UserArgs));
    // huawei.notify.stream.neg.reordered and .neg.uppercase_hex.
    const NotifyVector &p = kNotifyVectors[0];
    CHECK(status_of([&] {
              verify(kNotifyKey, body(p.event, p.domain, p.app, p.stream, "1", p.auth_timestamp,
                                      "96ab3fa3f934ffa89aafb19aba2f8c624c34a3ea71474fc16b607170b8635c73"),
                     p.auth_timestamp);
          }) == Status::SignatureMismatch);
    CHECK(status_of([&] {
              verify(kNotifyKey, body(p.event, p.domain, p.app, p.stream, "1", p.auth_timestamp,
                                      "881453D45E1C4BDF4DBD4AEEECA4246805A575AA0D94D2319E19D17A1162C9BC"),
                     p.auth_timestamp);
          }) == Status::Ok);
    // Escaped fields: signed by value, reported raw with their bit, `text` unescapes them.
    const NotifyVector &u = kNotifyVectors[2];
    const std::string escaped =
        body("PUBLISH", R"(push\u002eexample.com)", "live", "\xe7\x9b\xb4\xe6\x92\xad\xe6\xb5\x81\\u005f1",
             R"(17\u00300000000)", u.auth_timestamp, u.sign);
    e = verify(u.key, escaped, u.auth_timestamp);
    CHECK(e.escaped == (LIVESIGN_HUAWEI_FIELD_DOMAIN | LIVESIGN_HUAWEI_FIELD_STREAM |
                        LIVESIGN_HUAWEI_FIELD_PUBLISH_TIMESTAMP));
    CHECK(e.is_escaped(Field::Stream) && !e.is_escaped(Field::App) && !e.is_escaped(Field::Event));
    CHECK(e.raw(Field::Domain) == R"(push\u002eexample.com)" && e.text(Field::Domain) == "push.example.com");
    CHECK(e.text(Field::Stream) == u.stream && e.text(Field::App) == "live" && e.text(Field::Event) == "PUBLISH");
    CHECK(e.publish_time == std::optional<uint64_t>(1700000000));
    CHECK(e.text(Field::ClientIp).empty() && e.raw(Field::NodeIp).data() == nullptr);
    // Bytes outside printable ASCII are percent-encoded in the id (直播流 is E7 9B B4 E6 92 AD E6 B5 81).
    CHECK(u.stream == "\xe7\x9b\xb4\xe6\x92\xad\xe6\xb5\x81_1");
    CHECK(event_id(e) == "push.example.com/live/%E7%9B%B4%E6%92%AD%E6%B5%81_1/1700000000/PUBLISH");
    // Errors.
    CHECK(status_of([] { verify(std::string(31, 'k'), kSeedBody, 1587954140); }) == Status::InvalidKey);
    CHECK(status_of([] { sign(std::string(129, 'k'), "PUBLISH", "d", "a", "s", 1700000000); }) == Status::InvalidKey);
    CHECK(status_of([] { HmacKey k(std::string(31, 'k')); sign(k, "PUBLISH", "d", "a", "s", 1700000000); }) ==
          Status::InvalidKey);
    CHECK(status_of([] { sign(kNotifyKey, "PUBLISH", "\xff", "a", "s", 1700000000); }) == Status::InvalidArgument);
    CHECK(status_of([] { verify(kNotifyKey, R"({"event":"PUBLISH"})", 1); }) == Status::Malformed);
}

void ids_and_ordering() {
    using namespace huawei;
    const Event seed = verify(kNotifyKey, kSeedBody, 1587954150);
    CHECK(event_id(seed) == "push.example.com/live/example_stream/1587954134/PUBLISH");
    // '/' and '%' inside fields are escaped; a JSON escape gives the value's id.
    const std::string sig = sign(kNotifyKey, "PUBLISH_DONE", "a/b%", "c", "d", 1700000005);
    const std::string odd_body = body("PUBLISH_DONE", R"(a\/b%)", "c", "d", "7", 1700000005, sig);
    const Event odd = verify(kNotifyKey, odd_body, 1700000005);  // views into odd_body
    CHECK(odd.is_escaped(Field::Domain) && odd.text(Field::Domain) == "a/b%");
    CHECK(event_id(odd) == "a%2Fb%25/c/d/7/PUBLISH_DONE");
    Event hand_made = seed;
    hand_made.app = "a\"b";
    CHECK(status_of([&] { event_id(hand_made); }) == Status::Malformed);
    CHECK(status_of([&] { replay_id(hand_made); }) == Status::Malformed);
    // The replay id holds the signed fields: a captured notification resent with another
    // publish_timestamp has another event id but the same replay id.
    CHECK(replay_id(seed) == "push.example.com/live/example_stream/1587954140/PUBLISH");
    CHECK(replay_id(odd) == "a%2Fb%25/c/d/1700000005/PUBLISH_DONE");
    Event replayed = seed;
    replayed.publish_timestamp = "1587954139";
    CHECK(event_id(replayed) != event_id(seed) && replay_id(replayed) == replay_id(seed));

    // An out-of-order pair: the session's PUBLISH_DONE arrives before its own PUBLISH.
    auto event = [](std::string_view kind, std::string_view publish, std::string &storage) {
        storage = body(kind, "push.example.com", "live", "s", publish, 1587954140,
                       sign(kNotifyKey, kind, "push.example.com", "live", "s", 1587954140));
        return verify(kNotifyKey, storage, 1587954140);
    };
    std::string b1, b2, b3, b4, b5;
    const Event done_1 = event("PUBLISH_DONE", "100", b1);
    const Event publish_1 = event("PUBLISH", "100", b2);
    const Event publish_2 = event("PUBLISH", "200", b3);
    const Event done_2 = event("PUBLISH_DONE", "200", b4);
    Stream s;
    CHECK(s.state() == StreamState::Unseen && s.publish_timestamp() == 0 && s == Stream());
    CHECK(s.apply(done_1) == Verdict::Ended);
    CHECK(s.apply(publish_1) == Verdict::Stale);  // late: must not revive the ended session
    CHECK(s == Stream(StreamState::Ended, 100));
    CHECK(event_id(done_1) != event_id(publish_1));
    CHECK(s.apply(publish_2) == Verdict::Live && s.state() == StreamState::Live && s.publish_timestamp() == 200);
    Stream copy = s;  // a plain value
    CHECK(s.apply(done_1) == Verdict::Stale && s.apply(publish_2) == Verdict::Stale);
    CHECK(s.apply(done_2) == Verdict::Ended && s == Stream(StreamState::Ended, 200) && copy != s);
    CHECK(copy.apply(done_2) == Verdict::Ended && copy == s);
    // Errors leave the state alone.
    const std::string odd_sig = sign(kNotifyKey, "RECORD", "d", "a", "s", 1700000009);
    const std::string unknown_body = body("RECORD", "d", "a", "s", "300", 1700000009, odd_sig);
    const Event unknown = verify(kNotifyKey, unknown_body, 1700000009);
    CHECK(unknown.kind == EventKind::Unknown && unknown.event_text == "RECORD");
    CHECK(status_of([&] { s.apply(unknown); }) == Status::InvalidArgument);
    b5 = body("PUBLISH", "d", "a", "s", "1587954134,", 1700000009,
              sign(kNotifyKey, "PUBLISH", "d", "a", "s", 1700000009));
    const Event no_time = verify(kNotifyKey, b5, 1700000009);
    CHECK(!no_time.publish_time && no_time.publish_timestamp == "1587954134,");
    CHECK(status_of([&] { s.apply(no_time); }) == Status::Malformed);
    Stream bad(static_cast<StreamState>(7), 1);
    CHECK(status_of([&] { bad.apply(publish_1); }) == Status::InvalidArgument);
    CHECK(bad == Stream(static_cast<StreamState>(7), 1) && s == Stream(StreamState::Ended, 200));
}

// huawei.url.a.*: (uri, timestamp, format, query).
struct UrlAVector {
    std::string_view uri;
    uint64_t timestamp;
    huawei::TimeFormat format;
    std::string_view query;
};
const std::string_view kUrlKey = "GCTbw44s6MPLh4GqgDpnfuFHgy25Enly";
const std::string_view kOtherUrlKey = "0123456789abcdef0123456789ABCDEF";
const std::string_view kRand = "477b3bbc253f467b8def6711128c7bec";

void url() {
    using namespace huawei;
    CHECK(url_key_len == 32 && url_min_duration_s == 60 && url_max_duration_s == 2592000);
    CHECK(url_a::max_len == 192 && url_d::max_len == 89);
    const UrlAVector vectors[] = {
        {"/livetest/huawei1.flv", 1592639100, TimeFormat::Decimal,
         "auth_key=1592639100-477b3bbc253f467b8def6711128c7bec-0-dd1b5ffa00cf26acec0c169ae1cfabea"},
        {"/livetest/huawei1.sdp", 1592639100, TimeFormat::Decimal,
         "auth_key=1592639100-477b3bbc253f467b8def6711128c7bec-0-4116c2c7939307e86c6654178addc987"},
        {"/livetest/huawei1.flv", 0x5eedbe7c, TimeFormat::Hex,
         "auth_key=5eedbe7c-477b3bbc253f467b8def6711128c7bec-0-f118ba138b3b70dfbf42d4d6f1d75d2e"},
    };
    for (const UrlAVector &v : vectors) {
        CHECK(url_a::build(kUrlKey, v.uri, v.timestamp, v.format, kRand) == v.query);
        CHECK(url_a::build(kUrlKey, v.uri, v.timestamp, v.format, kRand, "0") == v.query);
        const std::string full = "https://play.example.com" + std::string(v.uri) + "?" + std::string(v.query);
        CHECK(url_a::verify({kOtherUrlKey, kUrlKey}, full, v.format, 1800, v.timestamp) == 1);
        CHECK(url_a::verify({kUrlKey}, std::string(v.uri) + "?" + std::string(v.query), v.format, 60,
                            v.timestamp + 60) == 0);
        CHECK(status_of([&] { url_a::verify({kUrlKey}, full, v.format, 60, v.timestamp + 61); }) == Status::Expired);
        CHECK(url_a::verify({kUrlKey}, full, v.format, 60, v.timestamp + 61, 1) == 0);
        CHECK(status_of([&] { url_a::verify({kOtherUrlKey}, full, v.format, 60, v.timestamp); }) ==
              Status::SignatureMismatch);
    }
    // The .sdp erratum: Huawei's page prints the .flv hash for the .sdp URL; it must not verify.
    CHECK(status_of([] {
              url_a::verify({kUrlKey},
                            "/livetest/huawei1.sdp?auth_key=1592639100-477b3bbc253f467b8def6711128c7bec-0-"
                            "dd1b5ffa00cf26acec0c169ae1cfabea",
                            TimeFormat::Decimal, 1800, 1592639100);
          }) == Status::SignatureMismatch);
    // The hash covers the time as written; in hex mode exactly 10 decimal digits are still
    // decimal, so the decimal vector keeps its expiry (as hex it would run to the year 4900).
    const std::string flv = "/livetest/huawei1.flv?" + std::string(vectors[0].query);
    CHECK(status_of([&] { url_a::verify({kUrlKey}, flv, TimeFormat::Decimal, 1800, 1592639100 + 1801); }) ==
          Status::Expired);
    CHECK(url_a::verify({kUrlKey}, flv, TimeFormat::Hex, 1800, 1592639100 + 1800) == 0);
    CHECK(status_of([&] { url_a::verify({kUrlKey}, flv, TimeFormat::Hex, 1800, 1592639100 + 1801); }) ==
          Status::Expired);
    CHECK(url_a::max_hex_timestamp == 0xffffffffull);
    CHECK(url_a::build(kUrlKey, "/a", url_a::max_hex_timestamp, TimeFormat::Hex, "r").rfind("auth_key=ffffffff-", 0) == 0);
    CHECK(status_of([] { url_a::build(kUrlKey, "/a", url_a::max_hex_timestamp + 1, TimeFormat::Hex, "r"); }) ==
          Status::InvalidArgument);
    CHECK(status_of([] { url_a::build(kUrlKey, "/a", 1, TimeFormat::Decimal, "a-b"); }) == Status::InvalidArgument);
    CHECK(status_of([] { url_a::build(kUrlKey, "a", 1, TimeFormat::Decimal, "r"); }) == Status::InvalidArgument);
    CHECK(status_of([] { url_a::build(kUrlKey, "/a", 1, static_cast<TimeFormat>(2), "r"); }) ==
          Status::InvalidArgument);
    CHECK(status_of([] { url_a::build(std::string(32, '1'), "/a", 1, TimeFormat::Decimal, "r"); }) ==
          Status::InvalidKey);
    CHECK(status_of([] { url_a::verify({kUrlKey}, "/a?auth_key=1", TimeFormat::Decimal, 59, 1); }) ==
          Status::InvalidArgument);
    CHECK(status_of([] { url_a::verify({kUrlKey}, "/a?x=1", TimeFormat::Decimal, 60, 1); }) == Status::Malformed);
    CHECK(status_of([] { url_a::verify({"short"}, "/a?x=1", TimeFormat::Decimal, 60, 1); }) == Status::InvalidKey);

    // huawei.url.d and .upper_hex_time; huawei.metastudio.mss_a.
    const std::string_view d_query =
        "hwSecret=ce201856a0957413319e883c8ccae13602f01d3d91e21daf5161964cf708a6a8&hwTime=5eed5888";
    CHECK(url_d::build(kUrlKey, "huawei1", 0x5eed5888) == d_query);
    const HmacKey key(kUrlKey), other(kOtherUrlKey);
    CHECK(url_d::build(key, "huawei1", 0x5eed5888) == d_query);
    CHECK(url_d::build("0123456789abcdef0123456789abcdef", "/callback/live-event", 0x6553f100) ==
          "hwSecret=6a31d8b4c39e18510fb5d73ca49f3af2748cbe4896dc6f500a6a51ff2ad81288&hwTime=6553f100");
    const std::string d_url = "rtmp://push.example.com/livetest/huawei1?" + std::string(d_query);
    CHECK(url_d::verify({kOtherUrlKey, kUrlKey}, "huawei1", d_url, 60, 0x5eed5888) == 1);
    CHECK(url_d::verify({other, key}, "huawei1", d_url, 60, 0x5eed5888 + 59) == 1);
    CHECK(url_d::verify({key}, "huawei1", d_url, 60, 0x5eed5888) == 0);
    // Huawei's strict rule: expired at hwTime + duration.
    CHECK(status_of([&] { url_d::verify({kUrlKey}, "huawei1", d_url, 60, 0x5eed5888 + 60); }) == Status::Expired);
    CHECK(status_of([&] { url_d::verify({key}, "huawei1", d_url, 60, 0x5eed5888 + 60); }) == Status::Expired);
    CHECK(url_d::verify({key}, "huawei1", d_url, 60, 0x5eed5888 + 60, 1) == 0);
    CHECK(status_of([&] { url_d::verify({other}, "huawei1", d_url, 60, 0x5eed5888); }) == Status::SignatureMismatch);
    CHECK(status_of([&] { url_d::verify({kUrlKey}, "huawei2", d_url, 60, 0x5eed5888); }) ==
          Status::SignatureMismatch);
    const std::string upper =
        "/livetest/huawei1?hwSecret=079510189b3a054a00aa86e0b66d16d860f1c2755c664cc7c30c1bfec04b145b&hwTime=5EED5888";
    CHECK(url_d::verify({kUrlKey}, "huawei1", upper, 60, 0x5eed5888) == 0);
    const std::string upper_with_lower_secret =
        "/livetest/huawei1?hwSecret=ce201856a0957413319e883c8ccae13602f01d3d91e21daf5161964cf708a6a8&hwTime=5EED5888";
    CHECK(status_of([&] { url_d::verify({key}, "huawei1", upper_with_lower_secret, 60, 0x5eed5888); }) ==
          Status::SignatureMismatch);
    CHECK(status_of([] { url_d::build(kUrlKey, "", 0x5eed5888); }) == Status::InvalidArgument);
    // hwTime has exactly 8 hex digits: a ninth would be a stream character moved into it, a
    // seventh one moved out of it (a time before 1978, which a leeway of decades reaches).
    CHECK(url_d::max_hw_time == 0xffffffffull && url_d::max_len == 89);
    CHECK(url_d::build(key, "s", url_d::max_hw_time).size() == url_d::max_len);
    CHECK(status_of([&] { url_d::build(key, "s", url_d::max_hw_time + 1); }) == Status::InvalidArgument);
    CHECK(status_of([] { url_d::build(kUrlKey, "s", url_d::max_hw_time + 1); }) == Status::InvalidArgument);
    CHECK(url_d::min_hw_time == 0x10000000ull);
    CHECK(url_d::build(key, "s", url_d::min_hw_time).size() == url_d::max_len);
    CHECK(status_of([&] { url_d::build(key, "s", url_d::min_hw_time - 1); }) == Status::InvalidArgument);
    CHECK(status_of([] { url_d::build(kUrlKey, "s", url_d::min_hw_time - 1); }) == Status::InvalidArgument);
    {
        // huawei1 + 5eed5888 is also huawei15 + eed5888 (1977): malformed, whatever the leeway.
        const std::string recut =
            "/livetest/huawei15?" + std::string(d_query.substr(0, d_query.size() - 8)) + "eed5888";
        CHECK(status_of([&] { url_d::verify({kUrlKey}, "huawei15", recut, 60, 0x5eed5888, UINT32_MAX); }) ==
              Status::Malformed);
    }
    CHECK(status_of([] { url_d::build("GCTbw44s6MPLh4GqgDpnfuFHgy25Enl", "s", 0x5eed5888); }) == Status::InvalidKey);
    CHECK(status_of([] { HmacKey k("GCTbw44s6MPLh4GqgDpnfuFHgy25Enl"); url_d::build(k, "s", 0x5eed5888); }) ==
          Status::InvalidKey);
    CHECK(status_of([&] { url_d::verify({kUrlKey}, "huawei1", d_url, 2592001, 1); }) == Status::InvalidArgument);
    CHECK(status_of([&] { url_d::verify(std::initializer_list<std::reference_wrapper<const HmacKey>>{}, "huawei1",
                                        d_url, 60, 1); }) == Status::InvalidArgument);
    CHECK(status_of([&] {
              url_d::verify({key, key, key, key, key, key, key, key, key}, "huawei1", d_url, 60, 1);
          }) == Status::InvalidArgument);
    CHECK(status_of([&] { url_d::verify({key}, "huawei1", "/livetest/huawei1?hwTime=1", 60, 1); }) ==
          Status::Malformed);
}

void url_b() {
    using namespace huawei;
    CHECK(url_b::max_len == 57 && url_b::max_tx_time == 0xffffffffu);
    // huawei.url.b: Huawei's printed example (txTime 5eed5888 = 1592613000).
    const std::string_view query = "txSecret=5cdc845362c332a4ec3e09ac5d5571d6&txTime=5eed5888";
    const uint64_t t = 0x5eed5888;
    CHECK(url_b::build(kUrlKey, "huawei1", t) == query);
    const std::string url = "http://play.example.com/livetest/huawei1.flv?" + std::string(query);
    CHECK(url_b::verify({kOtherUrlKey, kUrlKey}, "huawei1", url, 60, t) == 1);
    CHECK(url_b::verify({kUrlKey}, "huawei1", "/livetest/huawei1.m3u8?" + std::string(query), 60, t + 59) == 0);
    // Huawei's strict rule: expired at txTime + duration.
    CHECK(status_of([&] { url_b::verify({kUrlKey}, "huawei1", url, 60, t + 60); }) == Status::Expired);
    CHECK(url_b::verify({kUrlKey}, "huawei1", url, 60, t + 60, 1) == 0);
    CHECK(status_of([&] { url_b::verify({kUrlKey}, "huawei1", url, 60); }) == Status::Expired);  // the default clock
    CHECK(status_of([&] { url_b::verify({kOtherUrlKey}, "huawei1", url, 60, t); }) == Status::SignatureMismatch);
    CHECK(status_of([&] { url_b::verify({kUrlKey}, "huawei2", url, 60, t); }) == Status::SignatureMismatch);
    // Method B's txTime is hex only (exactly 8 digits): a decimal one, correctly signed, is malformed.
    const std::string decimal = "/livetest/huawei1.flv?txSecret=c18a4a372b8e71a8d6962a0ffd3d1a41&txTime=1592613000";
    CHECK(status_of([&] { url_b::verify({kUrlKey}, "huawei1", decimal, 60, 1592613059); }) == Status::Malformed);
    const std::string upper = "/livetest/huawei1.flv?txSecret=67edbd2d3923d1ad69b847168a62e3f4&txTime=5EED5888";
    CHECK(url_b::verify({kUrlKey}, "huawei1", upper, 60, t) == 0);
    const auto malformed = [&](const std::string &u) {
        return status_of([&] { url_b::verify({kUrlKey}, "huawei1", u, 60, t); }) == Status::Malformed;
    };
    CHECK(malformed("/a/huawei1.flv?txSecret=5CDC845362C332A4EC3E09AC5D5571D6&txTime=5eed5888"));
    CHECK(malformed("/a/huawei1.flv?txTime=5eed5888"));
    CHECK(malformed(url + "&txTime=5eed5888"));
    CHECK(malformed("/a/huawei1.flv?txSecret=5cdc845362c332a4ec3e09ac5d5571d6&txTime=5eed588g"));
    CHECK(status_of([&] { url_b::verify({kUrlKey}, "huawei1", url, 59, t); }) == Status::InvalidArgument);
    CHECK(status_of([&] { url_b::verify({kUrlKey}, "huawei1", url, 2592001, t); }) == Status::InvalidArgument);
    CHECK(status_of([&] { url_b::verify({kUrlKey}, "", url, 60, t); }) == Status::InvalidArgument);
    CHECK(status_of([&] { url_b::verify({}, "huawei1", url, 60, t); }) == Status::InvalidArgument);
    CHECK(status_of([&] { url_b::verify({"GCTbw44s6MPLh4GqgDpnfuFHgy25Enl"}, "huawei1", url, 60, t); }) ==
          Status::InvalidKey);
    // The longest query; the limits.
    CHECK(url_b::build(kUrlKey, "s", url_b::max_tx_time).size() == url_b::max_len);
    CHECK(status_of([] { url_b::build(kUrlKey, "s", url_b::max_tx_time + 1); }) == Status::InvalidArgument);
    CHECK(url_b::min_tx_time == 0x10000000u);
    CHECK(url_b::build(kUrlKey, "s", url_b::min_tx_time).size() == url_b::max_len);
    CHECK(status_of([] { url_b::build(kUrlKey, "s", url_b::min_tx_time - 1); }) == Status::InvalidArgument);
    {
        // huawei1 + 5eed5888 is also huawei15 + eed5888 (1977): malformed, whatever the leeway.
        const std::string recut = "/livetest/huawei15.flv?" + std::string(query.substr(0, query.size() - 8)) + "eed5888";
        CHECK(status_of([&] { url_b::verify({kUrlKey}, "huawei15", recut, 60, t, UINT32_MAX); }) == Status::Malformed);
    }
    CHECK(status_of([] { url_b::build(kUrlKey, "", t); }) == Status::InvalidArgument);
    CHECK(status_of([] { url_b::build("12345678901234567890123456789012", "s", t); }) == Status::InvalidKey);
}

void recording() {
    using namespace huawei;
    CHECK(record::md5_len() == 32 && record::key_min_len == 32);
    // huawei.record.hmacsha256.
    const std::string_view key = "abcdefghijklmnopqrstuvwxyz012345";
    const record::Fields f{1700000000,
                           "RECORD_FILE_COMPLETE",
                           "push.example.com",
                           "live",
                           "mystream",
                           "https://bucket.obs.example.com/live/mystream/1700000000.m3u8",
                           "https://play.example.com/live/mystream/1700000000.m3u8"};
    const std::string_view want = "c9f9000be42046a17e4934a9d005a207860869499ecb107742b8e6794f750f76";
    CHECK(record::sign(key, f) == want);
    const HmacKey loaded(key);
    CHECK(record::sign(loaded, f) == want);
    CHECK(status_of([&] { record::verify(key, f, want, 1700000000); }) == Status::Ok);
    CHECK(status_of([&] { record::verify(loaded, f, want, 1700000300); }) == Status::Ok);
    CHECK(status_of([&] { record::verify(key, f, want, 1700000301); }) == Status::Expired);
    CHECK(status_of([&] { record::verify(loaded, f, want, 1700000001, 0); }) == Status::Expired);
    record::Fields tampered = f;
    tampered.play_url = "https://evil.example.com/x.m3u8";
    CHECK(status_of([&] { record::verify(key, tampered, want, 1700000000); }) == Status::SignatureMismatch);
    CHECK(status_of([&] { record::verify(loaded, tampered, want, 1700000000); }) == Status::SignatureMismatch);
    CHECK(status_of([&] { record::verify(key, f, "c9f9", 1700000000); }) == Status::Malformed);
    CHECK(status_of([&] { record::sign(key.substr(1), f); }) == Status::InvalidKey);
    // auth_timestamp has exactly 10 digits: 1700000000 + RECORD_FILE_COMPLETE is also
    // 170000000 + 0RECORD_FILE_COMPLETE (1975), which a leeway of decades would reach.
    record::Fields moved = f;
    moved.auth_timestamp = 170000000;
    moved.event_type = "0RECORD_FILE_COMPLETE";
    CHECK(status_of([&] { record::verify(key, moved, want, 1700000000, UINT32_MAX); }) == Status::Malformed);
    CHECK(status_of([&] { record::verify(loaded, moved, want, 1700000000, UINT32_MAX); }) == Status::Malformed);
    CHECK(status_of([&] { record::sign(key, moved); }) == Status::InvalidArgument);
    CHECK(status_of([&] { record::sign(loaded, moved); }) == Status::InvalidArgument);
    // Events without a file sign empty URLs.
    const record::Fields over{1700000000, "RECORD_OVER", "push.example.com", "live", "mystream", {}, {}};
    CHECK(status_of([&] { record::verify(loaded, over, record::sign(key, over), 1700000000); }) == Status::Ok);
    // huawei.record.md5.
    CHECK(record::md5_sign(key, 1700000000) == "61ce739aaac2390ef2d17ddac72beff0");
    CHECK(status_of([&] { record::md5_verify(key, 1700000000, "61CE739AAAC2390EF2D17DDAC72BEFF0", 1700000300); }) ==
          Status::Ok);
    CHECK(status_of([&] { record::md5_verify(key, 1700000000, "61ce739aaac2390ef2d17ddac72beff0", 1700000301); }) ==
          Status::Expired);
    CHECK(status_of([&] { record::md5_verify(key, 1700000001, "61ce739aaac2390ef2d17ddac72beff0", 1700000001); }) ==
          Status::SignatureMismatch);
    CHECK(status_of([&] { record::md5_sign(key.substr(1), 1); }) == Status::InvalidKey);

    // others.json huawei.sparkrtc.record_callback.
    const std::string_view spark_key = "sparkrtc-callback-key-0123456789", spark_body = R"({"event":"record"})";
    const std::string_view spark_sig = "f9f4a473c59739296d9892163bb61a04e27bbbf6a15d6d5441687e6d93ec585b";
    CHECK(sparkrtc::sign(spark_key, "8f1c2b", "1700000000", spark_body) == spark_sig);
    const HmacKey spark(spark_key);
    CHECK(sparkrtc::sign(spark, "8f1c2b", "1700000000", spark_body) == spark_sig);
    CHECK(status_of([&] { sparkrtc::verify(spark_key, "8f1c2b", "1700000000", spark_body, spark_sig, 1700000300); }) ==
          Status::Ok);
    CHECK(status_of([&] { sparkrtc::verify(spark, "8f1c2b", "1700000000", spark_body, spark_sig, 1700000301); }) ==
          Status::Expired);
    CHECK(status_of([&] { sparkrtc::verify(spark, "8f1c2b", "1700000000", "{}", spark_sig, 1700000000); }) ==
          Status::SignatureMismatch);
    CHECK(status_of([&] { sparkrtc::verify(spark_key, "8f1c2c", "1700000000", spark_body, spark_sig, 1700000000); }) ==
          Status::SignatureMismatch);
    // A millisecond timestamp.
    const std::string ms = sparkrtc::sign(spark, "r", "1700000000123", spark_body);
    CHECK(status_of([&] { sparkrtc::verify(spark_key, "r", "1700000000123", spark_body, ms, 1700000000); }) ==
          Status::Ok);
    CHECK(status_of([&] { sparkrtc::verify(spark_key, "r", "1700000000123", spark_body, ms, 1700000301); }) ==
          Status::Expired);
    // A pinned unit: the three-digit replay (20231170 + 1700000000 as 20231 + 1701700000000,
    // read by length as milliseconds at 1701700000) verifies by length, not in seconds.
    const std::string replay = sparkrtc::sign(spark, "20231170", "1700000000", spark_body);
    CHECK(status_of([&] { sparkrtc::verify(spark, "20231", "1701700000000", spark_body, replay, 1701700000); }) ==
          Status::Ok);
    // Huawei sending seconds, a receiver that says so refuses it (13 digits are no seconds).
    CHECK(status_of([&] {
              sparkrtc::verify(spark, "20231", "1701700000000", spark_body, replay, sparkrtc::Unit::Seconds,
                               1701700000);
          }) == Status::Malformed);
    CHECK(status_of([&] {
              sparkrtc::verify(spark_key, "20231", "1701700000000", spark_body, replay, sparkrtc::Unit::Seconds,
                               1701700000);
          }) == Status::Malformed);
    // A digit moved the other way leaves 9 (1992 in seconds, inside a leeway of decades): its
    // length refuses it, whatever the leeway.
    CHECK(status_of([&] {
              sparkrtc::verify(spark, "202311701", "700000000", spark_body, replay, sparkrtc::Unit::Seconds,
                               1700000000, UINT32_MAX);
          }) == Status::Malformed);
    CHECK(status_of([&] {
              sparkrtc::verify(spark_key, "20231170", "1700000000", spark_body, replay, sparkrtc::Unit::Seconds,
                               1700000000);
          }) == Status::Ok);
    // A seconds timestamp (10 digits) is no milliseconds one.
    CHECK(status_of([&] {
              sparkrtc::verify(spark_key, "20231170", "1700000000", spark_body, replay, sparkrtc::Unit::Milliseconds,
                               1700000000);
          }) == Status::Malformed);
    CHECK(status_of([&] {
              sparkrtc::verify(spark, "r", "1700000000123", spark_body, ms, sparkrtc::Unit::Milliseconds, 1700000000);
          }) == Status::Ok);
    CHECK(status_of([&] {
              sparkrtc::verify(spark, "r", "1700000000123", spark_body, ms, sparkrtc::Unit::Either, 1700000000);
          }) == Status::Ok);
    CHECK(status_of([&] {
              sparkrtc::verify(spark, "r", "1700000000123", spark_body, ms, static_cast<sparkrtc::Unit>(3),
                               1700000000);
          }) == Status::InvalidArgument);
    // A send time: refused more than the leeway ahead too. A rand digit moved into the
    // timestamp (8f1c21 + 1700000000 as 8f1c2 + 11700000000) makes 11 digits: malformed.
    CHECK(status_of([&] { sparkrtc::verify(spark, "8f1c2b", "1700000000", spark_body, spark_sig, 1699999700); }) ==
          Status::Ok);
    CHECK(status_of([&] { sparkrtc::verify(spark, "8f1c2b", "1700000000", spark_body, spark_sig, 1699999699); }) ==
          Status::Expired);
    const std::string recut = sparkrtc::sign(spark, "8f1c21", "1700000000", spark_body);
    CHECK(status_of([&] { sparkrtc::verify(spark, "8f1c21", "1700000000", spark_body, recut, 1700000000); }) ==
          Status::Ok);
    CHECK(status_of([&] { sparkrtc::verify(spark, "8f1c2", "11700000000", spark_body, recut, 1700000000); }) ==
          Status::Malformed);
    CHECK(status_of([&] { sparkrtc::sign(spark_key, "r", "17x", spark_body); }) == Status::InvalidArgument);
    CHECK(status_of([&] { sparkrtc::verify(spark_key, "r", "17x", spark_body, ms, 1); }) == Status::Malformed);
    CHECK(status_of([&] { sparkrtc::sign("", "r", "1700000000", spark_body); }) == Status::InvalidKey);
    CHECK(status_of([&] { sparkrtc::sign(spark_key, "r", "170000000", spark_body); }) == Status::InvalidArgument);
}
}  // namespace

void test::huawei() {
    notifications();
    ids_and_ordering();
    url();
    url_b();
    recording();
}
