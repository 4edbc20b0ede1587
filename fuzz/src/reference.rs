//! Independent implementations the invariants compare livesign with: the RustCrypto crates'
//! high-level APIs, the `base64` crate and `serde_json`, none of which livesign's own code uses.

use base64::Engine;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use hmac::{KeyInit, Mac};
use md5::Digest;

/// The base64 crate's strict engine: standard alphabet, `=` padding required and canonical,
/// no stray bits in the last symbol. Exactly the language livesign decodes.
pub const STRICT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireCanonical)
        .with_decode_allow_trailing_bits(false),
);

/// Maps Tencent base64 text onto standard base64 text and back: swaps `*`/`+`, `-`/`/` and
/// `_`/`=`. A swap (not a one-way replacement) keeps it a bijection, so a `+` in Tencent text
/// becomes a `*` that the standard decoder refuses, as livesign's Tencent decoder must.
pub fn swap_alphabet(s: &[u8]) -> Vec<u8> {
    s.iter()
        .map(|&c| match c {
            b'*' => b'+',
            b'+' => b'*',
            b'-' => b'/',
            b'/' => b'-',
            b'_' => b'=',
            b'=' => b'_',
            c => c,
        })
        .collect()
}

/// Standard base64 of `bytes`.
pub fn base64_encode(bytes: &[u8]) -> String {
    STRICT.encode(bytes)
}

/// Strict standard base64 decoding.
pub fn base64_decode(text: &[u8]) -> Option<Vec<u8>> {
    STRICT.decode(text).ok()
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Tencent CSS `sign`: lowercase hex MD5(key + decimal t).
pub fn tencent_sign(key: &[u8], t: u64) -> String {
    let mut h = md5::Md5::new();
    h.update(key);
    h.update(t.to_string().as_bytes());
    hex(&h.finalize())
}

/// HMAC-SHA256.
pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    m.update(msg);
    m.finalize().into_bytes().into()
}

/// `now <= expiry + leeway`, computed in 128 bits so nothing saturates or wraps.
pub fn fresh(expiry: u64, now: u64, leeway: u32) -> bool {
    u128::from(now) <= u128::from(expiry) + u128::from(leeway)
}

/// How deeply a JSON value nests (a scalar is 0, `[]` and `{}` are 1).
pub fn json_depth(v: &serde_json::Value) -> usize {
    match v {
        serde_json::Value::Array(a) => 1 + a.iter().map(json_depth).max().unwrap_or(0),
        serde_json::Value::Object(o) => 1 + o.values().map(json_depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// Percent-decoding (`%XX`, either case), byte for byte; `None` for a broken escape.
pub fn percent_decode(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'%' {
            // Two hex digits: `from_str_radix` alone would also take a sign (`%+4`).
            let hex = s.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit))?;
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Lowercase hex MD5 of the concatenated parts.
pub fn md5_hex(parts: &[&[u8]]) -> String {
    let mut h = md5::Md5::new();
    for p in parts {
        h.update(p);
    }
    hex(&h.finalize())
}

/// Lowercase hex HMAC-SHA256.
pub fn hmac_hex(key: &[u8], msg: &[u8]) -> String {
    hex(&hmac_sha256(key, msg))
}

/// Tencent base64 (`* - _`) decoded strictly.
pub fn tencent_base64_decode(text: &[u8]) -> Option<Vec<u8>> {
    base64_decode(&swap_alphabet(text))
}

/// Whether `claimed` is the hex text of `want_hex` in either case (the Huawei and Alibaba
/// verifiers accept both).
pub fn hex_either_case(claimed: &[u8], want_hex: &str) -> bool {
    claimed.len() == want_hex.len() && claimed.to_ascii_lowercase() == want_hex.as_bytes()
}

/// `label(.label)*[:port]`: labels of 1 to 63 of `A-Z a-z 0-9 -` (no `-` first or last), at
/// most 253 bytes in all (RFC 1035: DNS resolves no longer name), a port of 1 to 65535
/// without leading zeros; a name whose last label is a number (digits, or `0x` and hex
/// digits: a WHATWG parser reads it as IPv4) must be a dotted quad.
pub fn host_name_port(s: &[u8]) -> bool {
    let text = String::from_utf8_lossy(s);
    let (name, port) = match text.split_once(':') {
        Some((n, p)) => (n, Some(p)),
        None => (&*text, None),
    };
    let labels = !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|l| {
            // RFC 1123 labels: letters, digits and inner hyphens.
            (1..=63).contains(&l.len())
                && l.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        });
    labels && host_reads_alike(name) && port.is_none_or(port_ok)
}

/// Whether every client reads the host name `name` as one host: no `%` (WHATWG decodes it
/// first), and a name whose last label, after dropping one empty last label (a trailing dot),
/// is a number (digits, or `0x` and hex digits: a WHATWG parser reads it as IPv4) is a
/// dotted quad.
pub fn host_reads_alike(name: &str) -> bool {
    let mut labels: Vec<&str> = name.split('.').collect();
    if labels.len() > 1 && labels.last() == Some(&"") {
        labels.pop();
    }
    let last = labels.last().copied().unwrap_or_default();
    let numeric = (!last.is_empty() && last.bytes().all(|c| c.is_ascii_digit()))
        || ["0x", "0X"].iter().any(|p| last.strip_prefix(p).is_some_and(|h| h.bytes().all(|c| c.is_ascii_hexdigit())));
    !name.contains('%') && (!numeric || dotted_quad(name))
}

/// [`host_name_port`], or a bracketed IPv6 address with an optional port.
pub fn host_port(s: &[u8]) -> bool {
    let text = String::from_utf8_lossy(s);
    let Some(rest) = text.strip_prefix('[') else { return host_name_port(s) };
    let Some((literal, after)) = rest.split_once(']') else { return false };
    ipv6(literal) && (after.is_empty() || after.strip_prefix(':').is_some_and(port_ok))
}

/// Four decimal octets (0 to 255, no leading zeros) joined by dots: RFC 3986 `IPv4address`.
pub fn dotted_quad(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4 && parts.iter().all(|p| p.len() <= 3 && decimal(p.as_bytes()).is_some_and(|n| n <= 255))
}

/// RFC 3986 `IPv6address`: groups of 1 to 4 hex digits, 8 of them, or fewer around one `::`
/// that stands for at least one; the last two may be a dotted quad.
pub fn ipv6(s: &str) -> bool {
    let groups = |part: &str| -> Option<usize> {
        if part.is_empty() {
            return Some(0);
        }
        let items: Vec<&str> = part.split(':').collect();
        let mut n = 0;
        for (i, g) in items.iter().enumerate() {
            if i + 1 == items.len() && g.contains('.') {
                dotted_quad(g).then_some(())?;
                n += 2;
            } else {
                (!g.is_empty() && g.len() <= 4 && g.bytes().all(|c| c.is_ascii_hexdigit())).then_some(())?;
                n += 1;
            }
        }
        Some(n)
    };
    match s.split_once("::") {
        Some((head, tail)) => {
            // A dotted quad ends the address: it may not stand before the `::`.
            !tail.contains("::")
                && !head.contains('.')
                && groups(head).zip(groups(tail)).is_some_and(|(h, t)| h + t <= 7)
        }
        None => groups(s) == Some(8),
    }
}

fn port_ok(p: &str) -> bool {
    !p.starts_with('0')
        && p.bytes().all(|c| c.is_ascii_digit())
        && p.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n))
}

/// A plain non-negative decimal integer (`0` or `[1-9][0-9]*`) within `u64`.
pub fn decimal(s: &[u8]) -> Option<u64> {
    if s.is_empty() || (s.len() > 1 && s[0] == b'0') || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(s).ok()?.parse().ok()
}

/// A hex time between separators (Huawei A's `auth_key` time): 1 to 8 hex digits of either
/// case, no leading zero (`0` alone is zero).
pub fn hex_time(s: &[u8]) -> Option<u64> {
    if s.is_empty() || s.len() > 8 || (s.len() > 1 && s[0] == b'0') || !s.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    u64::from_str_radix(std::str::from_utf8(s).ok()?, 16).ok()
}

/// A hex time joined to a stream name (`txTime`, `hwTime`): exactly 8 hex digits of either
/// case, no leading zero (`10000000` to `ffffffff`).
pub fn joined_hex_time(s: &[u8]) -> Option<u64> {
    if s.len() != 8 {
        return None;
    }
    hex_time(s)
}

/// The `txTime` rule: exactly 10 decimal digits are decimal, otherwise exactly 8 hex digits.
pub fn tx_time(s: &[u8]) -> Option<u64> {
    if s.len() == 10 && s.iter().all(u8::is_ascii_digit) {
        return decimal(s);
    }
    joined_hex_time(s)
}

/// Huawei A's hex mode: exactly 10 decimal digits are decimal, otherwise 1 to 8 hex digits.
pub fn auth_key_hex_time(s: &[u8]) -> Option<u64> {
    if s.len() == 10 && s.iter().all(u8::is_ascii_digit) {
        return decimal(s);
    }
    hex_time(s)
}

/// Whether `t` is written with exactly 10 decimal digits, as a decimal time joined to a text
/// field must be (Huawei's notification and HMACSHA256 recording `auth_timestamp`).
pub fn ten_digits(t: u64) -> bool {
    (1_000_000_000..=9_999_999_999).contains(&t)
}

/// Whether `t` is written with exactly 8 hex digits, as a joined hex time must be.
pub fn eight_hex_digits(t: u64) -> bool {
    (1 << 28..1 << 32).contains(&t)
}

/// Where the `://` that ends a scheme starts: the first `://`, when no `/` or `?` comes
/// before it (a query may hold a URL).
pub fn scheme_end(url: &[u8]) -> Option<usize> {
    let i = url.windows(3).position(|w| w == b"://")?;
    (!url[..i].iter().any(|&b| b == b'/' || b == b'?')).then_some(i)
}

/// The path and query of a URL as livesign documents its reading (`scheme://authority/path
/// ?query#fragment` or `/path?query#fragment`; printable ASCII only; a `://` before any `/`
/// or `?` ends the scheme, which is letters, digits and `+-.`; the authority runs to the first
/// `/` or `?`; the path must start with `/`; an `rtmp*` URL may have no `#` and no `/` after
/// its first `?`), written here independently of `src/url.rs`.
pub fn url_parts(url: &[u8]) -> Option<(&[u8], &[u8])> {
    if url.is_empty() || !url.iter().all(|&b| b > b' ' && b < 0x7f) {
        return None;
    }
    let rtmp = scheme_end(url).is_some_and(|i| url[..i].to_ascii_lowercase().starts_with(b"rtmp"));
    if rtmp && (url.contains(&b'#') || url.splitn(2, |&b| b == b'?').nth(1).is_some_and(|q| q.contains(&b'/'))) {
        return None;
    }
    let url = url.split(|&b| b == b'#').next()?;
    // Browsers read a `\` before the query of an http(s), ws(s), ftp or file URL as `/`.
    let special = scheme_end(url).is_some_and(|i| {
        [&b"http"[..], b"https", b"ws", b"wss", b"ftp", b"file"].iter().any(|s| url[..i].eq_ignore_ascii_case(s))
    });
    if special && url.split(|&b| b == b'?').next().is_some_and(|before| before.contains(&b'\\')) {
        return None;
    }
    let rest = match scheme_end(url) {
        Some(i) => {
            let scheme = &url[..i];
            let rest = &url[i + 3..];
            let authority_len = rest.iter().position(|&b| b == b'/' || b == b'?').unwrap_or(rest.len());
            if scheme.is_empty() || !scheme.iter().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b)) {
                return None;
            }
            if authority_len == 0 {
                return None;
            }
            &rest[authority_len..]
        }
        None => url,
    };
    let (path, query) = match rest.iter().position(|&b| b == b'?') {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &b""[..]),
    };
    path.starts_with(b"/").then_some((path, query))
}

/// The values of `name` in a raw query (`&`-separated, split at the first `=`).
pub fn query_values<'a>(query: &'a [u8], name: &[u8]) -> Vec<&'a [u8]> {
    query
        .split(|&b| b == b'&')
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            // A parameter without `=` has an empty value, placed right after its name (inside
            // `query`, so that callers may locate any value by its pointer).
            let (n, v) = match p.iter().position(|&b| b == b'=') {
                Some(i) => (&p[..i], &p[i + 1..]),
                None => (p, &p[p.len()..]),
            };
            (n == name).then_some(v)
        })
        .collect()
}

/// Whether parameter name `m` is `name` to a reader that percent-decodes names (`%XX`; a
/// broken escape stays as written) and ignores ASCII case.
pub fn same_param_name(m: &[u8], name: &[u8]) -> bool {
    let mut decoded = Vec::new();
    let mut i = 0;
    while i < m.len() {
        match m.get(i..i + 3).filter(|e| e[0] == b'%').and_then(percent_decode) {
            Some(b) => {
                decoded.extend(b);
                i += 3;
            }
            None => {
                decoded.push(m[i]);
                i += 1;
            }
        }
    }
    decoded.eq_ignore_ascii_case(name)
}

/// The one value of `name`, when it occurs exactly once and no other parameter is another
/// spelling of it.
pub fn query_value<'a>(query: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let respelled = query.split(|&b| b == b'&').filter(|p| !p.is_empty()).any(|p| {
        let m = p.split(|&b| b == b'=').next().unwrap_or_default();
        m != name && same_param_name(m, name)
    });
    match query_values(query, name)[..] {
        [v] if !respelled => Some(v),
        _ => None,
    }
}

/// `text` with one character replaced by another of the same class (a hex digit by another
/// hex digit, anything else by a different printable ASCII character), at `at` modulo its
/// length: a change a verifier must notice.
pub fn change_one(text: &[u8], at: usize) -> Vec<u8> {
    let mut t = text.to_vec();
    if t.is_empty() {
        return b"0".to_vec();
    }
    let i = at % t.len();
    t[i] = match t[i] {
        b'0'..=b'8' | b'a'..=b'e' | b'A'..=b'E' => t[i] + 1,
        b'9' => b'0',
        b'f' => b'a',
        b'F' => b'A',
        b'~' => b'!',
        c => c.wrapping_add(1).max(b'!'),
    };
    t
}

/// The value serde_json reads for member `name` of a JSON object body. serde_json refuses a
/// whole body over a number beyond f64 (which livesign's grammar check accepts by design); then
/// the member's own text, as livesign delimits it, is read by serde_json instead.
pub fn json_member(body: &[u8], name: &str) -> Option<serde_json::Value> {
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(doc) => doc.as_object()?.get(name).cloned(),
        Err(e) if e.to_string().starts_with("number out of range") => {
            let object = livesign::fuzz_api::json::parse_object(body).ok()?;
            let raw = object.get(name.as_bytes()).ok()??.raw();
            serde_json::from_slice(raw).ok()
        }
        Err(_) => None,
    }
}

/// Whether the member name `name` is `read` (ASCII) as Go's `encoding/json` matches names
/// (`strings.EqualFold`, simple Unicode case folding): ASCII letters in either case, and `ſ`
/// (U+017F) for `s`, `K` (U+212A, the Kelvin sign) for `k`, the only non-ASCII characters that
/// fold to ASCII.
pub fn go_fold_eq(name: &str, read: &str) -> bool {
    let fold = |c: char| match c {
        '\u{17f}' => 's',
        '\u{212a}' => 'k',
        c => c.to_ascii_lowercase(),
    };
    name.chars().map(fold).eq(read.chars().map(fold))
}

/// A verified body has no member that Go would read as one of `read` but that is not it
/// (checked where serde_json reads the body).
pub fn no_go_fold_twin(body: &[u8], read: &[&str]) {
    let Ok(serde_json::Value::Object(doc)) = serde_json::from_slice::<serde_json::Value>(body) else { return };
    for name in doc.keys() {
        for r in read {
            assert!(name == r || !go_fold_eq(name, r), "{name:?} beside {r:?} verified: Go reads that member as {r:?}");
        }
    }
}

/// Bytes from hex text (pairs of hex digits; anything else ends the bytes).
pub fn unhex(s: &str) -> Vec<u8> {
    s.as_bytes().chunks_exact(2).map_while(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok()).collect()
}

/// Adler-32 (RFC 1950), bytewise.
pub fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in data {
        a = (a + u32::from(x)) % 65521;
        b = (b + a) % 65521;
    }
    b << 16 | a
}
