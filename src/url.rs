//! Borrowed, allocation-free reading of signed URLs: split a URL (or a bare `path?query`)
//! into its parts and read query parameters exactly as written.
//!
//! Parameters are compared and returned raw (no percent-decoding): CDNs sign and check the
//! literal text of `txTime`, `auth_key` and friends, and decoding would let two spellings of
//! one URL disagree. A parameter that occurs twice is `Malformed` for the same reason, and so
//! is one that occurs beside another spelling of its name (`tx%54ime`, `TXTIME`): readers that
//! percent-decode names (every query library) or fold their case (nginx's `$arg_`) would see
//! it twice and might take the other value.
//!
//! An `rtmp` URL (any `rtmp*` scheme) has no query or fragment of its own: RTMP clients
//! (librtmp, as in OBS, and FFmpeg) send all the text after the host as the app and the stream
//! name, split at a `/` wherever it stands, and keep a `#`. `rtmp://h/live/a?txSecret=...&x=/b`
//! publishes stream `b` in app `live/a?txSecret=...&x=`. So an `rtmp` URL with a `/` in its
//! query or with a `#` is `Malformed`: its first `?` does not say which stream it names.

use crate::Error;
use crate::text::{Out, ct_eq};

/// The parts of a URL, each a view into the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Url<'a> {
    /// `rtmp`, `https`, ...; empty for a bare `path?query`.
    pub scheme: &'a [u8],
    /// `host[:port]`; empty for a bare `path?query`.
    pub authority: &'a [u8],
    /// From the `/` after the authority up to `?` or `#`; starts with `/`.
    pub path: &'a [u8],
    /// After `?` up to `#`; empty when there is none.
    pub query: &'a [u8],
}

/// Splits `scheme://authority/path?query#fragment` or `/path?query#fragment`. Whitespace,
/// control bytes, non-ASCII bytes, a missing path, an `rtmp*` URL with a `#` or with a `/`
/// in its query (see the module documentation), and an http(s), ws(s), ftp or file URL with a
/// `\` before its query (browsers read it as `/`) are `Malformed`.
pub fn parse(s: &[u8]) -> Result<Url<'_>, Error> {
    if s.is_empty() || s.iter().any(|&b| b <= b' ' || b >= 0x7f) {
        return Err(Error::Malformed);
    }
    let (s, has_fragment) = match s.iter().position(|&b| b == b'#') {
        Some(i) => (&s[..i], true),
        None => (s, false),
    };
    // Only a `://` before the first `/` or `?` ends a scheme: a query value may itself be a URL
    // (`/live/s.flv?cb=https://...`).
    let first_delim = s.iter().position(|&b| b == b'/' || b == b'?').unwrap_or(s.len());
    let (scheme, rest) = match first_delim.checked_sub(1).filter(|&i| s[i..].starts_with(b"://")) {
        Some(i) => {
            let scheme = &s[..i];
            if scheme.is_empty() || !scheme.iter().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b)) {
                return Err(Error::Malformed);
            }
            (scheme, &s[i + 3..])
        }
        None => (&s[..0], s),
    };
    let path_start = rest.iter().position(|&b| b == b'/' || b == b'?').unwrap_or(rest.len());
    let authority = &rest[..path_start];
    if scheme.is_empty() != authority.is_empty() {
        return Err(Error::Malformed);
    }
    let rest = &rest[path_start..];
    let (path, query) = match rest.iter().position(|&b| b == b'?') {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &rest[rest.len()..]),
    };
    if !path.starts_with(b"/") {
        return Err(Error::Malformed);
    }
    if is_rtmp(scheme) && (has_fragment || query.contains(&b'/')) {
        return Err(Error::Malformed);
    }
    // WHATWG URL (browsers, `fetch`, hls.js) reads a `\` before the query of an http(s), ws(s),
    // ftp or file URL as `/`: `http://h\live/s.flv` fetches `/live/s.flv`, not the `/s.flv`
    // split here, so the path verified would not be the path requested.
    if is_special(scheme) && (authority.contains(&b'\\') || path.contains(&b'\\')) {
        return Err(Error::Malformed);
    }
    Ok(Url { scheme, authority, path, query })
}

/// The WHATWG "special" schemes, in any case.
fn is_special(scheme: &[u8]) -> bool {
    [&b"http"[..], b"https", b"ws", b"wss", b"ftp", b"file"].iter().any(|s| scheme.eq_ignore_ascii_case(s))
}

/// `rtmp`, `rtmps`, `rtmpt`, `rtmpe`, `rtmpte`, `rtmpts`, in any case.
fn is_rtmp(scheme: &[u8]) -> bool {
    scheme.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"rtmp"))
}

/// The `name=value` pairs of a query, in order, raw. A pair without `=` has an empty value.
pub fn params(query: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    query.split(|&b| b == b'&').filter(|p| !p.is_empty()).map(|pair| match pair.iter().position(|&b| b == b'=') {
        Some(i) => (&pair[..i], &pair[i + 1..]),
        None => (pair, &pair[pair.len()..]),
    })
}

/// Looks up `N` parameter names in one pass; a name present twice, or present in another
/// spelling (`tx%54ime` or `TXTIME` for `txTime`), is `Malformed`.
pub fn lookup<'a, const N: usize>(query: &'a [u8], names: [&[u8]; N]) -> Result<[Option<&'a [u8]>; N], Error> {
    let mut found = [None; N];
    for (name, value) in params(query) {
        for (slot, wanted) in found.iter_mut().zip(names) {
            if name == wanted {
                if slot.is_some() {
                    return Err(Error::Malformed);
                }
                *slot = Some(value);
            } else if spells(name, wanted) {
                return Err(Error::Malformed);
            }
        }
    }
    Ok(found)
}

/// Whether `name`, percent-decoded (`%XX`, either case; a `%` without two hex digits stays
/// itself), is `wanted` up to ASCII case: what a decoding or case-folding reader takes for it.
fn spells(name: &[u8], wanted: &[u8]) -> bool {
    let mut rest = name;
    for &w in wanted {
        let (b, used) = match rest {
            [b'%', h, l, ..] => match (crate::text::any_nibble(*h), crate::text::any_nibble(*l)) {
                (Some(h), Some(l)) => ((h << 4) | l, 3),
                _ => (b'%', 1),
            },
            [b, ..] => (*b, 1),
            [] => return false,
        };
        if !b.eq_ignore_ascii_case(&w) {
            return false;
        }
        rest = &rest[used..];
    }
    rest.is_empty()
}

/// Whether `b` is an RFC 3986 unreserved character (`A-Z a-z 0-9 - . _ ~`), the only bytes a
/// query component carries unencoded.
pub(crate) fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// Percent-encodes `s` for a query name or value: unreserved bytes stay, every other byte
/// becomes `%XX` (uppercase hex, as RFC 3986 recommends), so `&`, `=`, `+`, spaces and
/// non-ASCII text can never change how the query splits.
pub(crate) fn encode_component(s: &[u8], out: &mut Out<'_>) {
    let mut start = 0;
    for (i, &b) in s.iter().enumerate() {
        if is_unreserved(b) {
            continue;
        }
        out.push(&s[start..i]);
        push_percent(b, out);
        start = i + 1;
    }
    out.push(&s[start..]);
}

/// Writes `b` as `%XX` (uppercase hex).
pub(crate) fn push_percent(b: u8, out: &mut Out<'_>) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0x0f)]]);
}

/// A signed query string built by livesign (`auth_key=...`, `hwSecret=...&hwTime=...`), held
/// on the stack. Append it to the unsigned URL after `?` (or `&` when the URL already has a
/// query).
#[derive(Clone, Copy)]
pub struct SignedQuery {
    buf: [u8; SignedQuery::MAX_LEN],
    len: u8,
}

impl SignedQuery {
    /// The longest query any builder writes.
    pub(crate) const MAX_LEN: usize = 192;

    /// Runs `write` over an empty query. A query that would not fit is `InvalidArgument`:
    /// builders bound their inputs so that it cannot happen.
    pub(crate) fn write(write: impl FnOnce(&mut crate::text::Out<'_>)) -> Result<Self, Error> {
        let mut buf = [0u8; Self::MAX_LEN];
        let mut out = crate::text::Out::new(&mut buf);
        write(&mut out);
        let len = out.finish().map_err(|_| Error::InvalidArgument)?;
        Ok(Self { buf, len: len as u8 })
    }

    /// The query text (ASCII).
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// The query as bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }
}

/// Constant time, as for [`crate::Hex`]: a query carries a key-derived signature, and a
/// caller comparing a built one with a received one must not learn how much of it matched.
impl PartialEq for SignedQuery {
    fn eq(&self, other: &Self) -> bool {
        ct_eq(self.as_bytes(), other.as_bytes())
    }
}

impl Eq for SignedQuery {}

impl core::fmt::Display for SignedQuery {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl core::fmt::Debug for SignedQuery {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "SignedQuery({})", self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_full_and_bare_urls() {
        let u = parse(b"https://push.example.com:8443/live/test?txSecret=ab&txTime=5C271099#frag").unwrap();
        assert_eq!(u.scheme, b"https");
        assert_eq!(u.authority, b"push.example.com:8443");
        assert_eq!(u.path, b"/live/test");
        assert_eq!(u.query, b"txSecret=ab&txTime=5C271099");
        let u = parse(b"/live/test.flv?a=1").unwrap();
        assert_eq!((u.scheme, u.authority, u.path, u.query), (&b""[..], &b""[..], &b"/live/test.flv"[..], &b"a=1"[..]));
        let u = parse(b"https://h/p").unwrap();
        assert_eq!((u.path, u.query), (&b"/p"[..], &b""[..]));
        let u = parse(b"/live/s.flv?txTime=5C271099&cb=https://h/x?y=1").unwrap();
        assert_eq!(
            (u.scheme, u.path, u.query),
            (&b""[..], &b"/live/s.flv"[..], &b"txTime=5C271099&cb=https://h/x?y=1"[..])
        );
        let u = parse(b"https://h/live/s?cb=rtmp://g/x").unwrap();
        assert_eq!((u.scheme, u.authority, u.query), (&b"https"[..], &b"h"[..], &b"cb=rtmp://g/x"[..]));
        let u = parse(b"rtmp://user@[::1]:1935/live/test?txSecret=ab&txTime=5C271099&a=&b").unwrap();
        assert_eq!((u.authority, u.path), (&b"user@[::1]:1935"[..], &b"/live/test"[..]));
    }

    #[test]
    fn rtmp_urls_have_no_query_or_fragment_of_their_own() {
        // RTMP clients split these at the `/` after the `?` or `#`: another stream.
        for bad in [
            &b"rtmp://h/live/s?cb=rtmp://g/x"[..],
            b"rtmp://h/live/s?a=1#frag",
            b"rtmp://h/live/s#/t",
            b"RTMPS://h/live/s?x=/t",
            b"rtmpt://h/live?vhost=v/s?a=1",
        ] {
            assert_eq!(parse(bad), Err(Error::Malformed), "{:?}", String::from_utf8_lossy(bad));
        }
        for (other, query) in [(&b"https://h/live/s?x=/t#f"[..], &b"x=/t"[..]), (b"webrtc://h/live/s?x=/t", b"x=/t")] {
            assert_eq!(parse(other).map(|u| u.query), Ok(query));
        }
        assert_eq!(parse(b"rtmfp://h/live/s?x=/t").map(|u| u.query), Ok(&b"x=/t"[..]));
    }

    #[test]
    fn backslashes_before_the_query_of_special_urls_are_malformed() {
        for bad in [&b"http://h\\live/s"[..], b"HTTPS://h/a\\..\\s", b"wss://h/a\\b", b"file://h/a\\b"] {
            assert_eq!(parse(bad), Err(Error::Malformed), "{:?}", String::from_utf8_lossy(bad));
        }
        // Not special: RTMP clients and bare request targets send a `\` as it is; a query keeps it.
        for ok in [&b"rtmp://h/live/a\\b"[..], b"/live/a\\b?x=1", b"https://h/s?x=a\\b"] {
            assert!(parse(ok).is_ok(), "{:?}", String::from_utf8_lossy(ok));
        }
    }

    #[test]
    fn rejects_what_is_not_a_url() {
        for bad in [
            &b""[..],
            b"live/test",
            b"rtmp://",
            b"rtmp://host",
            b"://host/p",
            b"rt mp://host/p",
            b"/p?a=1 2",
            b"/p\n",
            b"/p?\xff",
            b"https:///p",
            b"ht/tp://host/p",
            b"host?x=http://y",
            b"a?b://host/p",
            // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), never empty.
            b"ht_tp://host/p",
            b"h%74tp://host/p",
            b":///p",
        ] {
            assert_eq!(parse(bad), Err(Error::Malformed), "{:?}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn encoding_keeps_only_unreserved_bytes() {
        let mut buf = [0u8; 64];
        let mut out = Out::new(&mut buf);
        encode_component("aZ09-._~ &=+/%?#é".as_bytes(), &mut out);
        let n = out.finish().unwrap();
        assert_eq!(&buf[..n], b"aZ09-._~%20%26%3D%2B%2F%25%3F%23%C3%A9");
        for b in 0..=255u8 {
            assert_eq!(is_unreserved(b), b.is_ascii_alphanumeric() || b"-._~".contains(&b), "{b}");
        }
    }

    #[test]
    fn params_are_raw_and_unique() {
        let q = b"txSecret=f85a&txTime=5C271099&empty&x=%41&=v";
        let [s, t, e, x, missing] = lookup(q, [b"txSecret", b"txTime", b"empty", b"x", b"nope"]).unwrap();
        assert_eq!(
            (s, t, e, x, missing),
            (Some(&b"f85a"[..]), Some(&b"5C271099"[..]), Some(&b""[..]), Some(&b"%41"[..]), None)
        );
        assert_eq!(lookup(b"a=1&a=2", [b"a"]), Err(Error::Malformed));
        assert_eq!(lookup(b"a=1&a=2", [b"b"]), Ok([None]));
    }

    #[test]
    fn another_spelling_of_a_wanted_name_is_a_repeat() {
        for q in [&b"txTime=1&tx%54ime=2"[..], b"TXTIME=2&txTime=1", b"%74%78%74%69%6D%65&txTime=1", b"txtime"] {
            assert_eq!(lookup(q, [b"txTime"]), Err(Error::Malformed), "{:?}", String::from_utf8_lossy(q));
        }
        for q in
            [&b"txTime=1&txTimes=2"[..], b"txTime=1&txTim=2", b"txTime=1&tx%5=2", b"txTime=1&%=2", b"txTime=1&tx%54im"]
        {
            assert_eq!(lookup(q, [b"txTime"]), Ok([Some(&b"1"[..])]), "{:?}", String::from_utf8_lossy(q));
        }
        assert!(spells(b"a%25", b"a%") && spells(b"a%", b"a%") && spells(b"%4", b"%4") && !spells(b"%41", b"%41"));
        // Only the names looked up are checked: other parameters may be spelled any way.
        assert_eq!(lookup(b"a=1&A=2&b=3", [b"b"]), Ok([Some(&b"3"[..])]));
    }

    #[test]
    fn signed_query_holds_what_fits() {
        let q = SignedQuery::write(|o| o.push(b"a=1&b=2")).unwrap();
        assert_eq!((q.as_str(), q.to_string()), ("a=1&b=2", "a=1&b=2".to_owned()));
        assert!(SignedQuery::write(|o| o.push(&[b'x'; SignedQuery::MAX_LEN])).is_ok());
        assert_eq!(SignedQuery::write(|o| o.push(&[b'x'; SignedQuery::MAX_LEN + 1])), Err(Error::InvalidArgument));
    }

    /// Equality is of the query text (in constant time): a built query equals one built alike
    /// and no other, whether it differs in a byte or in length.
    #[test]
    fn signed_queries_are_equal_when_their_text_is() {
        let q = |text: &[u8]| SignedQuery::write(|o| o.push(text)).unwrap();
        assert!(q(b"txSecret=ab&txTime=5C27") == q(b"txSecret=ab&txTime=5C27"));
        assert!(q(b"txSecret=ab&txTime=5C27") != q(b"txSecret=ac&txTime=5C27"));
        assert!(q(b"txSecret=ab") != q(b"txSecret=abc"));
    }

    /// A signed query is public (it goes into a URL), so unlike a key its `Debug` shows it.
    #[test]
    fn signed_query_debug_shows_the_query() {
        let q = SignedQuery::write(|o| o.push(b"auth_key=1-0-0-ab")).unwrap();
        let shown = format!("{q:?}");
        assert!(shown.starts_with("SignedQuery") && shown.contains("auth_key=1-0-0-ab"), "{shown}");
    }
}
