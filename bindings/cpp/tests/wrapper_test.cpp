// Tests of livesign.hpp against the real library (static and shared builds).
#include <cstdio>
#include <cstring>
#include <functional>
#include <new>
#include <string>
#include <vector>

#include "check.hpp"

namespace {
using test::status_of;

const std::string_view kKey = "5d41402abc4b2a76b9719d911017c592";
const uint64_t kT = 1471850187;

// A host of LIVESIGN_MAX_ID_LEN bytes the URL builders take: DNS allows no label over 63
// characters and no name over 253, so labels and a port fill it.
std::string longest_host() {
    std::string host = std::string(63, 'h') + '.' + std::string(63, 'h') + '.' + std::string(63, 'h') + '.' +
                       std::string(61, 'h') + ":80";
    CHECK(host.size() == LIVESIGN_MAX_ID_LEN);
    return host;
}

void common() {
    CHECK(livesign::version() == std::string_view(LIVESIGN_CPP_TEST_VERSION));
    CHECK(livesign::abi_version() == LIVESIGN_ABI_VERSION && livesign::header_abi_version == LIVESIGN_ABI_VERSION);
    CHECK(std::string(livesign::status_message(livesign::Status::SignatureMismatch)) == "sign invalid");
    CHECK(std::string(livesign::status_message(livesign::Status::Expired)) == "time expired");
    livesign::Error e(livesign::Status::Malformed);
    CHECK(e.code() == 5 && std::string(e.what()) == "malformed input");
    const livesign::Limits linked = livesign::limits(), header = livesign::header_limits;
    CHECK(linked.body == header.body && linked.response == header.response && linked.url == header.url &&
          linked.id == header.id && linked.key == header.key);
    CHECK(header.body == 1048576 && header.response == 16777216 && header.url == 8192 && header.id == 256 &&
          header.key == 1024);
    // One byte over a limit is refused before anything is read; at the limit it is parsed.
    const std::string over(header.body + 1, ' ');
    CHECK(status_of([&] { livesign::tencent::callback::verify(kKey, over, kT); }) == livesign::Status::InvalidArgument);
    const std::string at(header.body, ' ');
    CHECK(status_of([&] { livesign::tencent::callback::verify(kKey, at, kT); }) == livesign::Status::Malformed);
    const std::string long_key(header.key + 1, 'k');
    CHECK(status_of([&] { livesign::tencent::sign(long_key, kT); }) == livesign::Status::InvalidKey);
}

void tencent() {
    using namespace livesign;
    CHECK(tencent::sign_len() == 32);
    // Every sign vector of tests/vectors/tencent_sign.json (the empty-key one is checked below).
    struct SignVector {
        std::string key;
        uint64_t t;
        std::string_view sign;
    };
    const SignVector vectors[] = {
        {"5d41402abc4b2a76b9719d911017c592", 1471850187u, "b17971b51ba0fe5916ddcd96692e9fb3"},
        {"5d41402abc4b2a76b9719d911017c592", 1626839220u, "5ee8ca6c28cbe415b40352969cdf8249"},
        {"4283fefc63f0cd0e873a0000c6d07ef7", 2484771968u, "ed3c52361743656e1cfefa13ad9ab198"},
        {"77e90d3593ad699fc1f7cd5bb2e35cbf", 1127023494u, "fee9129d8cf00ce8560e2fa98d006273"},
        {"f19c557067cbbe80c46d1fb6dfbdb0ae", 3576358404u, "960c5bab2bbd2f0307f787e93ec786a5"},
        {"0755281220e087835b92558589eaff30", 2340050970u, "ff7b5550feda3ff5094905ac874310a4"},
        {"cad68386d070c415ed7e70cad1946192", 1328333753u, "ccba3e62b8a1b9259affa508132f68e2"},
        {"995d84016e51c6b36d6f3c9f0ac9056a", 3419529160u, "27aabcff09e39afa71c705c3969630c5"},
        {"4ad683cbf721245568a8baa397f43a1d", 1314363339u, "e2c1ba258ad57bf705381ad2ad575ad9"},
        {"c44a3c2728b93e8319002d3167d53e57", 1682662547u, "93a7c0bc824c898e4000c4205433cfa6"},
        {"k", 1u, "b637b17af08aced8850c18cccde915da"},
        {std::string(100, 'x'), 18446744073709551615u, "6414e512970668d04e8b26e09d2147f0"},
    };
    for (const SignVector &v : vectors) {
        CHECK(tencent::sign(v.key, v.t) == v.sign);
        CHECK(status_of([&] { tencent::verify(v.key, v.t, v.sign, v.t); }) == Status::Ok);
        CHECK(v.t == UINT64_MAX || status_of([&] { tencent::verify(v.key, v.t, v.sign, v.t + 1); }) == Status::Expired);
    }
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

    // The destructor wipes: the context's bytes, observed in the storage it lived in, are
    // non-zero while the key is loaded and all zero once it is destroyed.
    const auto all_zero = [](const unsigned char *p, std::size_t n) {
        bool z = true;
        for (std::size_t i = 0; i < n; ++i) z = z && p[i] == 0;
        return z;
    };
    alignas(HmacKey) unsigned char storage[sizeof(HmacKey)];
    HmacKey *placed = new (storage) HmacKey("0123456789abcdef0123456789abcdef");
    const auto *ctx = reinterpret_cast<const unsigned char *>(placed->get());
    const std::size_t offset = static_cast<std::size_t>(ctx - storage);
    CHECK(offset + sizeof(livesign_hmac_key) <= sizeof storage && !all_zero(ctx, sizeof(livesign_hmac_key)));
    placed->~HmacKey();
    CHECK(all_zero(storage + offset, sizeof(livesign_hmac_key)));
    // Move assignment wipes the key it replaces (and the moved-from one) before reusing them.
    HmacKey *target = new (storage) HmacKey("another key of some length......");
    HmacKey source("0123456789abcdef0123456789abcdef");
    *target = std::move(source);
    CHECK(all_zero(reinterpret_cast<const unsigned char *>(source.get()), sizeof(livesign_hmac_key)));
    target->~HmacKey();
    CHECK(all_zero(storage + offset, sizeof(livesign_hmac_key)));
}
void json_unescape() {
    using namespace livesign;
    CHECK(livesign::json_unescape(R"(a\"b\u00e9\n)") == "a\"b\xc3\xa9\n");
    CHECK(livesign::json_unescape("plain") == "plain");
    CHECK(livesign::json_unescape("").empty());
    CHECK(livesign::json_unescape(R"(\ud83d\ude00)") == "\xf0\x9f\x98\x80");
    CHECK(status_of([] { livesign::json_unescape(R"(\x)"); }) == Status::Malformed);
    CHECK(status_of([] { livesign::json_unescape("a\"b"); }) == Status::Malformed);
    CHECK(status_of([] { livesign::json_unescape(R"(\ud83d)"); }) == Status::Malformed);
}

// tests/vectors/tx_url.json, callback_sign: (callback key, t, sign).
struct CallbackVector {
    std::string_view key;
    uint64_t t;
    std::string_view sign;
};
const CallbackVector kCallbackVectors[] = {
    {"callbackKey123", 1703732078, "3751b0bc2a028ea73beb2b7b167d2e04"},
    {"e12c46f2612d5106e2034781ab261ca3", 1700000600, "755fc3793eeb6b29071b0f9ea178fcb8"},
};

std::string callback_body(int64_t event_type, uint64_t t, std::string_view sign) {
    return R"({"app":"push.example.com","appname":"live","stream_id":"room_42","channel_id":"room_42","event_type":)" +
           std::to_string(event_type) + R"(,"t":)" + std::to_string(t) + R"(,"sign":")" + std::string(sign) +
           R"(","node":"100.121.160.92","record_event":{"k":[1,2]}})";
}

void tencent_callback() {
    using namespace livesign;
    using namespace livesign::tencent::callback;
    const EventType types[] = {EventType::StreamEnd,     EventType::StreamBegin,   EventType::RecordFile,
                               EventType::Snapshot,      EventType::PornDetection, EventType::RecordStatus,
                               static_cast<EventType>(12345)};
    for (const CallbackVector &v : kCallbackVectors) {
        CHECK(tencent::sign(v.key, v.t) == v.sign);
        for (EventType type : types) {
            const std::string body = callback_body(static_cast<int64_t>(type), v.t, v.sign);
            Event e = verify(v.key, body, v.t);
            CHECK(e.event_type == type && e.t == v.t);
            CHECK(e.stream_id == "room_42" && e.channel_id == "room_42");
            CHECK(e.app == "push.example.com" && e.appname == "live");
            // The views point into the body.
            CHECK(e.app.data() >= body.data() && e.app.data() < body.data() + body.size());
            CHECK(status_of([&] { verify(v.key, body, v.t - 600); }) == Status::Ok);
            CHECK(status_of([&] { verify(v.key, body, v.t + 1); }) == Status::Expired);
            CHECK(status_of([&] { verify(v.key, body, v.t + 3, 3); }) == Status::Ok);
            CHECK(status_of([&] { verify("wrong", body, v.t + 99); }) == Status::SignatureMismatch);
            CHECK(status_of([&] { verify(v.key, std::string_view(body).substr(0, body.size() - 1), v.t); }) ==
                  Status::Malformed);
            CHECK(status_of([&] { verify("", body, v.t); }) == Status::InvalidKey);
        }
        // No event_type, t as a string: absent fields are views with no data.
        const std::string bare = R"({"t":")" + std::to_string(v.t) + R"(","sign":")" + std::string(v.sign) + "\"}";
        Event e = verify(v.key, bare, v.t);
        CHECK(e.event_type == EventType::None && e.stream_id.data() == nullptr && e.appname.empty());
        const std::string tampered =
            R"({"t":)" + std::to_string(v.t + 1) + R"(,"sign":")" + std::string(v.sign) + "\"}";
        CHECK(status_of([&] { verify(v.key, tampered, v.t); }) == Status::SignatureMismatch);
    }
    // Escapes are kept in the views; json_unescape gives the text.
    const std::string_view body =
        R"({"t":1703732078,"sign":"3751b0bc2a028ea73beb2b7b167d2e04","stream_id":"a\"b\u00e9","appname":"",)"
        R"("output":{"x":[1]},"n":-2.5})";
    Event e = verify("callbackKey123", body, 1703732078);
    CHECK(e.stream_id == R"(a\"b\u00e9)" && livesign::json_unescape(e.stream_id) == "a\"b\xc3\xa9");
    CHECK(e.appname.empty() && e.appname.data() != nullptr && e.app.data() == nullptr);
    CHECK(field(body, "output") == std::optional<std::string_view>(R"({"x":[1]})"));
    CHECK(field(body, "n") == std::optional<std::string_view>("-2.5"));
    CHECK(field(body, "stream_id") == std::optional<std::string_view>(R"("a\"b\u00e9")"));
    CHECK(!field(body, "absent").has_value());
    CHECK(status_of([] { field(R"({"a":1,"a":2})", "a"); }) == Status::Malformed);
    CHECK(status_of([&] { field(body, "\xff"); }) == Status::InvalidArgument);
    CHECK(status_of([] { verify("k", R"({"t":1,"sign":"x","t":1})", 0); }) == Status::Malformed);
    // The default clock: a t far in the future is valid now.
    const std::string far = R"({"t":18446744073709551615,"sign":")" + tencent::sign("k", UINT64_MAX) + "\"}";
    CHECK(status_of([&] { verify("k", far); }) == Status::Ok);
}

// tests/vectors/tx_url.json, url_auth: key, stream, expiry, tx_time, tx_secret, url.
struct UrlVector {
    std::string_view key, stream;
    uint64_t expiry;
    std::string_view tx_time, secret, url;
};
const UrlVector kUrlVectors[] = {
    {"e12c46f2612d5106e2034781ab261ca3", "test", 1546064025, "5C271099", "f85a2ab363fe4deaffef9754d79da6fe",
     "rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099"},
    {"a3f5c0e1b2d4968778695a4b3c2d1e0f", "1400000000_anchor01", 1700003600, "6553ff10",
     "ba6d0c18cf0473267061c1b25584113a",
     "https://play.example.com/live/1400000000_anchor01.flv?txSecret=ba6d0c18cf0473267061c1b25584113a&txTime=6553ff10"},
    {"a3f5c0e1b2d4968778695a4b3c2d1e0f", "1400000000_anchor01", 1700003600, "6553FF10",
     "9b29c9eb8c198370fe20ce847625da32",
     "rtmp://push.example.com/live/1400000000_anchor01?txSecret=9b29c9eb8c198370fe20ce847625da32&txTime=6553FF10"},
    {"backupKey2024", "room_42", 1735689600, "1735689600", "7f591de95b717ef469e88ea132dc8c1e",
     "rtmp://push.example.com/live/room_42?txSecret=7f591de95b717ef469e88ea132dc8c1e&txTime=1735689600"},
};

void tencent_url() {
    using namespace livesign;
    using namespace livesign::tencent::url;
    CHECK(secret_len() == 32 && max_expiry == 0xffffffffu && max_len == 841);
    {
        const std::string name(LIVESIGN_MAX_ID_LEN, 'a');
        CHECK(build(Kind::Hls, longest_host(), name, name, "k", max_expiry).size() == max_len);
    }
    for (const UrlVector &v : kUrlVectors) {
        CHECK(secret(v.key, v.stream, v.tx_time) == v.secret);
        Info info = verify({"old-primary", v.key}, v.url, 0, v.expiry);
        CHECK(info.key_index == 1 && info.app == "live" && info.stream_name == v.stream && info.tx_time == v.tx_time);
        CHECK(info.expiry == v.expiry && info.valid_until == v.expiry);
        const std::string_view path = v.url.substr(v.url.find("/live/"));
        CHECK(verify({v.key}, path, 0, v.expiry).key_index == 0);
        CHECK(status_of([&] { verify({"old-primary", v.key}, v.url, 0, v.expiry + 1); }) == Status::Expired);
        CHECK(verify({v.key}, v.url, 30, v.expiry + 30).valid_until == v.expiry + 30);
        CHECK(status_of([&] { verify({"old-primary"}, v.url, 0, v.expiry + 99); }) == Status::SignatureMismatch);
        // In its own txTime form the URL verifies; in the other single form it is malformed.
        const bool decimal = v.tx_time.size() == 10;
        const TxTimeForm own = decimal ? TxTimeForm::Decimal : TxTimeForm::Hex;
        const TxTimeForm other = decimal ? TxTimeForm::Hex : TxTimeForm::Decimal;
        Info in_form = verify_form({"old-primary", v.key}, v.url, own, 0, v.expiry);
        CHECK(in_form.key_index == 1 && in_form.tx_time == v.tx_time && in_form.expiry == v.expiry);
        CHECK(verify_form({v.key}, v.url, TxTimeForm::HexOrDecimal, 0, v.expiry).expiry == v.expiry);
        CHECK(status_of([&] { verify_form({v.key}, v.url, other, 0, v.expiry); }) == Status::Malformed);
        CHECK(status_of([&] { verify_form({v.key}, v.url, own, 0, v.expiry + 1); }) == Status::Expired);
        CHECK(status_of([&] { verify_form({v.key}, v.url, static_cast<TxTimeForm>(3), 0, v.expiry); }) ==
              Status::InvalidArgument);
        std::string tampered(v.url);
        tampered[tampered.find("txSecret=") + 9] ^= 1;
        CHECK(status_of([&] { verify({v.key}, tampered, 0, v.expiry); }) != Status::Ok);
    }
    // The builder writes uppercase hex txTime: vectors 0 (RTMP) and 2 (RTMP).
    CHECK(build(Kind::Rtmp, "livepush.tcloud.com", "live", "test", kUrlVectors[0].key, 1546064025) ==
          kUrlVectors[0].url);
    CHECK(build(Kind::Rtmp, "push.example.com", "live", "1400000000_anchor01", kUrlVectors[2].key, 1700003600) ==
          kUrlVectors[2].url);
    CHECK(build_len(Kind::Rtmp, "livepush.tcloud.com", "live", "test", 1546064025) == kUrlVectors[0].url.size());
    const Kind kinds[] = {Kind::Rtmp, Kind::WebRtc, Kind::Flv, Kind::Hls};
    const char *prefixes[] = {"rtmp://", "webrtc://", "https://", "https://"};
    for (int i = 0; i < 4; ++i) {
        const std::string url = build(kinds[i], "play.example.com", "live", "s_1", "k", max_expiry);
        CHECK(url.rfind(prefixes[i], 0) == 0 &&
              url.size() == build_len(kinds[i], "play.example.com", "live", "s_1", max_expiry));
        // The default clock: max_expiry is in year 2106.
        Info info = verify({"k"}, url);
        CHECK(info.stream_name == "s_1" && info.tx_time == "FFFFFFFF" && info.expiry == max_expiry);
    }
    CHECK(build_len(static_cast<Kind>(0), "h", "a", "s", 1546064025) == 0);
    CHECK(build_len(Kind::Rtmp, "h", "a", "s", max_expiry + 1) == 0);
    CHECK(status_of([] { build(Kind::Rtmp, "h", "live", "s.flv", "k", 1546064025); }) == Status::InvalidArgument);
    CHECK(status_of([] { build(Kind::Rtmp, "h", "live", "s", "k", max_expiry + 1); }) == Status::InvalidArgument);
    // txTime has exactly 8 hex digits: a shorter one would be a re-cut of another stream's URL
    // (room1a + 6553FF10 as room1a6 + 553FF10, 1972), which a window of decades would reach.
    CHECK(min_expiry == 0x10000000u);
    const std::string earliest = build(Kind::Rtmp, "h", "live", "s", "k", min_expiry);
    CHECK(earliest.substr(earliest.size() - 16) == "&txTime=10000000");
    CHECK(build_len(Kind::Rtmp, "h", "a", "s", min_expiry - 1) == 0);
    CHECK(status_of([] { build(Kind::Rtmp, "h", "live", "s", "k", min_expiry - 1); }) == Status::InvalidArgument);
    CHECK(status_of([] { secret("k", "room1a6", "553FF10"); }) == Status::Malformed);
    {
        const std::string recut = "/live/room1a6?txSecret=" + secret("k", "room1a", "6553FF10") + "&txTime=553FF10";
        CHECK(status_of([&] { verify({"k"}, recut, UINT32_MAX, 1700000000, UINT32_MAX); }) == Status::Malformed);
        CHECK(status_of([&] { verify_form({"k"}, recut, TxTimeForm::Hex, UINT32_MAX, 1700000000, UINT32_MAX); }) ==
              Status::Malformed);
    }
    CHECK(status_of([] { build(static_cast<Kind>(9), "h", "live", "s", "k", 1546064025); }) == Status::InvalidArgument);
    CHECK(status_of([] { build(Kind::Rtmp, "h", "live", "s", "", 1546064025); }) == Status::InvalidKey);
    CHECK(status_of([] { verify({"k"}, "rtmp://h/live/s?txTime=1"); }) == Status::Malformed);
    CHECK(status_of([] { verify({"k"}, "rtmp://h/s?txSecret=x&txTime=1"); }) == Status::Malformed);
    CHECK(status_of([] { verify({""}, "rtmp://h/live/s?txTime=1"); }) == Status::InvalidKey);
    CHECK(status_of([] { verify({}, "rtmp://h/live/s"); }) == Status::InvalidArgument);
    CHECK(status_of([] { verify({"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "rtmp://h/live/s"); }) ==
          Status::InvalidArgument);
    CHECK(status_of([] { secret("k", "s", "xyz"); }) == Status::Malformed);
    CHECK(status_of([] { secret("", "s", "5C271099"); }) == Status::InvalidKey);
}

void tencent_api() {
    using namespace livesign;
    using namespace livesign::tencent;
    using api::Command;
    const std::string want =
        "http://fcgi.video.qcloud.com/common_access?appid=1234&interface=Live_Channel_SetStatus&t=1471850187"
        "&sign=b17971b51ba0fe5916ddcd96692e9fb3&Param.s.channel_id=8888_test123&Param.n.status=0";
    CHECK(api::build(Command::LiveChannelSetStatus, 1234, kKey, kT,
                     {{"channel_id", "8888_test123"}, {"status", "0", api::ParamKind::Number}}) == want);
    const std::vector<api::Param> params = {api::string("channel_id", "8888_test123"), api::number("status", "0")};
    CHECK(api::build(Command::LiveChannelSetStatus, 1234, kKey, kT, params) == want);
    CHECK(api::build(Command::LiveChannelGetLiveChannelList, 1234, kKey, kT) ==
          "http://fcgi.video.qcloud.com/common_access?appid=1234&interface=Live_Channel_GetLiveChannelList"
          "&t=1471850187&sign=b17971b51ba0fe5916ddcd96692e9fb3");
    CHECK(api::build(Command::GetLiveStat, 7, kKey, kT, {}, "http://proxy/common_access")
              .rfind("http://proxy/common_access?cmd=7&interface=Get_LiveStat&t=1471850187&sign=", 0) == 0);
    CHECK(api::build(Command::LiveTapeStart, 1, kKey, kT, {{"a b", "x&y=é"}}).find("&Param.s.a%20b=x%26y%3D%C3%A9") !=
          std::string::npos);
    CHECK(status_of([] { api::build(Command::LiveChannelSetStatus, 1, kKey, 1, {api::number("status", "x")}); }) ==
          Status::InvalidArgument);
    CHECK(status_of([] { api::build(Command::LiveChannelSetStatus, 1, kKey, 1, {{"", "x"}}); }) ==
          Status::InvalidArgument);
    CHECK(status_of([] { api::build(static_cast<Command>(99), 1, kKey, 1); }) == Status::InvalidArgument);
    CHECK(status_of([] { api::build(Command::GetLiveStat, 1, kKey, 1, {}, "fcgi.video.qcloud.com"); }) ==
          Status::InvalidArgument);
    CHECK(status_of([] { api::build(Command::GetLiveStat, 1, "", 1); }) == Status::InvalidKey);
    const std::vector<api::Param> too_many(api::max_params + 1, api::number("n", "1"));
    CHECK(status_of([&] { api::build(Command::GetLiveStat, 1, kKey, 1, too_many); }) == Status::InvalidArgument);
    const std::vector<api::Param> most(api::max_params, api::number("n", "1"));
    CHECK(status_of([&] { api::build(Command::GetLiveStat, 1, kKey, 1, most); }) == Status::Ok);

    int commands = 0;
    for (uint32_t c = LIVESIGN_TENCENT_API_GET_LIVE_STAT; c <= LIVESIGN_TENCENT_API_LIVE_TAPE_STOP; ++c) {
        const auto name = api::command_name(static_cast<Command>(c));
        const auto base = api::default_base(static_cast<Command>(c));
        CHECK(name && base);
        if (!name || !base) continue;
        CHECK(api::command_from_name(*name) == static_cast<Command>(c));
        CHECK(*base == (name->rfind("Get_", 0) == 0 ? "http://statcgi.video.qcloud.com/common_access"
                                                     : "http://fcgi.video.qcloud.com/common_access"));
        ++commands;
    }
    CHECK(commands == 15);
    CHECK(api::command_name(Command::LiveTapeStop) == std::optional<std::string_view>("Live_Tape_Stop"));
    CHECK(!api::command_name(static_cast<Command>(0)) && !api::default_base(static_cast<Command>(16)));
    CHECK(!api::command_from_name("Live_Tape_Nope") && !api::command_from_name("live_tape_stop"));

    const std::string_view body = R"({"ret":1202,"message":"rate\/limit","output":[{"a":1}]})";
    api::Response r = api::read_response(body);
    CHECK(r.ret == 1202 && !r.retcode && !r.errmsg && r.message == std::optional<std::string_view>(R"(rate\/limit)"));
    CHECK(r.code() == 1202 && livesign::json_unescape(*r.message) == "rate/limit");
    CHECK(callback::field(body, "output") == std::optional<std::string_view>(R"([{"a":1}])"));
    r = api::read_response(R"({"retcode":-1,"errmsg":""})");
    CHECK(!r.ret && r.retcode == -1 && r.errmsg == std::optional<std::string_view>("") && r.code() == -1);
    // Two codes that disagree: the one that is not 0 (never read as success).
    r = api::read_response(R"({"ret":0,"retcode":20601})");
    CHECK(r.code() == 20601 && r.ret == 0 && r.retcode == 20601);
    CHECK(api::read_response(R"({"ret":1001,"retcode":1202})").code() == 1001);
    CHECK(api::read_response(R"({"ret":0,"retcode":0})").code() == 0);
    CHECK(status_of([] { api::read_response(R"({"ret":0,"ret":1})"); }) == Status::Malformed);
    CHECK(status_of([] { api::read_response("{}"); }) == Status::Malformed);
    CHECK(status_of([] { api::read_response(R"({"ret":"0"})"); }) == Status::Malformed);
}

void tencent_errors() {
    using namespace livesign;
    using namespace livesign::tencent;
    for (int64_t code : {0, 1000, 1001, 1201, 1202, 1204, 1301, 10003, 20601}) {
        const auto e = error_by_code(code);
        CHECK(e && e->code == code && e->source == ErrorSource::Code && !e->meaning.empty());
    }
    for (std::string_view m : {"appid is invalid", "cmd is invalid", "sign invalid", "time expired"}) {
        const auto e = error_by_message(m);
        CHECK(e && e->source == ErrorSource::Message && e->message == m && e->code == 0);
    }
    auto e = error_by_http_status(403);
    CHECK(e && e->category == ErrorCategory::Auth && e->message == "Forbidden" && e->source == ErrorSource::Http);
    e = error_by_http_status(404);
    CHECK(e && e->category == ErrorCategory::InvalidRequest && e->retry == Retry::Never);
    e = error_by_code(1202);
    CHECK(e && e->category == ErrorCategory::RateLimit && e->retry == Retry::Backoff);
    e = error_by_code(0);
    CHECK(e && e->category == ErrorCategory::Success);
    e = error_by_code(10003);
    CHECK(e && e->category == ErrorCategory::NoData);
    e = error_by_code(1000);
    CHECK(e && e->category == ErrorCategory::NotActivated);
    e = error_by_code(20601);
    CHECK(e && e->category == ErrorCategory::StreamState && e->retry == Retry::Later && e->message.empty());
    e = error_by_message(status_message(Status::Expired));
    CHECK(e && e->retry == Retry::Resign && e->category == ErrorCategory::Auth);
    e = error_by_message(" Internel/System Error ");
    CHECK(e && e->code == 1201 && e->category == ErrorCategory::Server);
    CHECK(!error_by_code(42) && !error_by_http_status(500) && !error_by_message("nope") && !error_by_message(""));
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
    const std::string name(LIVESIGN_MAX_ID_LEN, 'n'), blanks(LIVESIGN_MAX_ID_LEN, ' ');
    const std::string longest_sig(LIVESIGN_USERSIG_MAX_LEN, 'A');
    CHECK(rest_url(name, name, UINT64_MAX, blanks, longest_sig, UINT32_MAX, longest_host()).size() == rest_url_max_len);
    // Envelopes.
    const std::string ok = R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"RequestId":"Id-1","GroupId":"@TGS#1"})";
    RestResponse r = parse_response(ok);
    CHECK(r.ok() && r.request_id == "Id-1" && r.error_info.empty());
    CHECK(response_field(ok, "GroupId") == std::optional<std::string_view>("\"@TGS#1\""));
    CHECK(!response_field(ok, "Absent").has_value());
    const std::string fail = R"({"ActionStatus":"FAIL","ErrorInfo":"rate limited","ErrorCode":60007,"RequestId":"x"})";
    r = parse_response(fail);
    CHECK(!r.ok() && r.action_status == ActionStatus::Fail && r.error_code == 60007 && r.error_info == "rate limited");
    CHECK(error_retry(60007) == Retry::Backoff && error_category(60007) == ErrorCategory::RateLimit);
    CHECK(error_retry(60003) == Retry::Never && std::string(error_str(60003)).size() > 0);
    CHECK(error_category(1) == ErrorCategory::Unknown);
    // Chat's account_import answers without RequestId: it reads as empty.
    r = parse_response(R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0})");
    CHECK(r.ok() && r.request_id.empty() && r.request_id.data() == nullptr);
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
    HmacKey old_key("oldkey1");
    CHECK(callback::verify_ring({old_key, key}, kTrtcBody, kTrtcSign) == 1);
    CHECK(status_of([&] { callback::verify_ring({old_key}, kTrtcBody, kTrtcSign); }) == Status::SignatureMismatch);
    CHECK(status_of([] { callback::key_check("has space"); }) == Status::InvalidKey);
    CHECK(status_of([] { callback::key_check(std::string(callback::key_max_len, 'k')); }) == Status::Ok);
    CHECK(status_of([] { callback::key_check(std::string(callback::key_max_len + 1, 'k')); }) == Status::InvalidKey);
    CHECK(callback::check_time(kTrtcBody, 1615554923 + 10) == 1615554923704u);
    CHECK(status_of([] { callback::check_time(kTrtcBody, 1615554923 + 301); }) == Status::Expired);
}
}  // namespace

// A system clock set before 1970 has no Unix seconds: the default `now` refuses it rather than
// wrap to about 1.8e19 (a UserSig issued then would carry that TLS.time and never expire).
void clock_before_1970() {
    using namespace std::chrono;
    using livesign::detail::unix_seconds;
    const system_clock::time_point epoch{};
    CHECK(unix_seconds(epoch) == 0);
    CHECK(unix_seconds(epoch + milliseconds(1999)) == 1);  // the second it falls in
    CHECK(unix_seconds(epoch + seconds(1700000000)) == 1700000000u);
    CHECK(status_of([&] { unix_seconds(epoch - seconds(1)); }) == livesign::Status::InvalidArgument);
    CHECK(status_of([&] { unix_seconds(epoch - milliseconds(1)); }) == livesign::Status::InvalidArgument);
    CHECK(status_of([&] { unix_seconds(system_clock::time_point::min()); }) == livesign::Status::InvalidArgument);
    // A wrapped `now` (about 1.8e19) would have issued a token valid at any later time; the
    // library refuses it too now (past usersig::max_expires_at).
    const std::string key = "5d41402abc4b2a76b9719d911017c592";
    CHECK(status_of([&] { livesign::trtc::usersig::gen(1400000000, key, "alice", 60, uint64_t(-1)); }) ==
          livesign::Status::InvalidArgument);
}

// A window (leeway, validity, duration, maximum age) is any integer from 0 to UINT32_MAX. C's
// conversion would turn -1 into 4294967295 s, a leeway of 136 years: refused instead.
void windows() {
    using livesign::Seconds;
    using livesign::Status;
    CHECK(uint32_t(Seconds(0)) == 0 && uint32_t(Seconds(300)) == 300 && uint32_t(Seconds(uint8_t(7))) == 7);
    CHECK(uint32_t(Seconds(int64_t(UINT32_MAX))) == UINT32_MAX && uint32_t(Seconds(UINT32_MAX)) == UINT32_MAX);
    static_assert(uint32_t(Seconds(300)) == 300, "usable in constant expressions");
    CHECK(status_of([] { Seconds s(-1); (void)s; }) == Status::InvalidArgument);
    CHECK(status_of([] { Seconds s(INT64_MIN); (void)s; }) == Status::InvalidArgument);
    CHECK(status_of([] { Seconds s(uint64_t(UINT32_MAX) + 1); (void)s; }) == Status::InvalidArgument);
    CHECK(status_of([] { Seconds s(int64_t(UINT32_MAX) + 1); (void)s; }) == Status::InvalidArgument);
    // Through a verifier: a genuine sign one second past its time.
    const auto sign = livesign::tencent::sign(kKey, kT);
    CHECK(status_of([&] { livesign::tencent::verify(kKey, kT, sign, kT + 1, 1); }) ==
          Status::Ok);
    CHECK(status_of([&] { livesign::tencent::verify(kKey, kT, sign, kT + 1, 0); }) ==
          Status::Expired);
    CHECK(status_of([&] { livesign::tencent::verify(kKey, kT, sign, kT + 1, -1); }) ==
          Status::InvalidArgument);
}

// A time or lifetime written into a credential is any integer from 0 to UINT64_MAX. C's
// conversion would turn -1 into about 1.8e19: a credential that never expires. The signers
// below take UINT64_MAX itself (it is a value of the C API), never a negative number.
void issued_times() {
    using livesign::Status;
    using livesign::Time;
    CHECK(uint64_t(Time(0)) == 0 && uint64_t(Time(kT)) == kT && uint64_t(Time(UINT64_MAX)) == UINT64_MAX);
    CHECK(uint64_t(Time(INT64_MAX)) == uint64_t(INT64_MAX));
    CHECK(status_of([] { Time t(-1); (void)t; }) == Status::InvalidArgument);
    CHECK(status_of([] { Time t(INT64_MIN); (void)t; }) == Status::InvalidArgument);
    const std::string key = "5d41402abc4b2a76b9719d911017c592";
    const int64_t minus_one = -1;
    CHECK(livesign::tencent::sign(key, uint64_t(-1)).size() == 32);
    CHECK(status_of([&] { livesign::tencent::sign(key, minus_one); }) == Status::InvalidArgument);
    CHECK(status_of([&] { livesign::tencent::api::build(livesign::tencent::api::Command::GetLiveStat, 1, key,
                                                        minus_one); }) == Status::InvalidArgument);
    CHECK(status_of([&] { livesign::huawei::record::md5_sign(key, minus_one); }) == Status::InvalidArgument);
    CHECK(status_of([&] { livesign::alibaba::url_a::build(key, "/live/s.flv", minus_one); }) == Status::InvalidArgument);
    CHECK(status_of([&] { livesign::alibaba::callback::sign(key, "d.example.com", minus_one); }) ==
          Status::InvalidArgument);
    CHECK(status_of([&] { livesign::trtc::usersig::gen(1400000000, key, "alice", minus_one, kT); }) ==
          Status::InvalidArgument);
}

int main() {
    common();
    windows();
    issued_times();
    clock_before_1970();
    tencent();
    hmac_key();
    trtc();
    json_unescape();
    tencent_callback();
    tencent_url();
    tencent_api();
    tencent_errors();
    test::usersig();
    test::huawei();
    test::alibaba();
    std::printf("C++ wrapper: %d checks, %d failures\n", test::checks, test::failures);
    return test::failures == 0 ? 0 : 1;
}
