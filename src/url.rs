//! Borrowed, allocation-free reading of signed URLs: split a URL (or a bare `path?query`)
//! into its parts and read query parameters exactly as written.
//!
//! Parameters are compared and returned raw (no percent-decoding): CDNs sign and check the
//! literal text of `txTime`, `auth_key` and friends, and decoding would let two spellings of
//! one URL disagree. A parameter that occurs twice is `Malformed` for the same reason.

use crate::Error;

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
/// control bytes, non-ASCII bytes and a missing path are `Malformed`.
pub fn parse(s: &[u8]) -> Result<Url<'_>, Error> {
    if s.is_empty() || s.iter().any(|&b| b <= b' ' || b >= 0x7f) {
        return Err(Error::Malformed);
    }
    let s = match s.iter().position(|&b| b == b'#') {
        Some(i) => &s[..i],
        None => s,
    };
    let (scheme, rest) = match find(s, b"://") {
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
    Ok(Url { scheme, authority, path, query })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The `name=value` pairs of a query, in order, raw. A pair without `=` has an empty value.
pub fn params(query: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    query.split(|&b| b == b'&').filter(|p| !p.is_empty()).map(|pair| match pair.iter().position(|&b| b == b'=') {
        Some(i) => (&pair[..i], &pair[i + 1..]),
        None => (pair, &pair[pair.len()..]),
    })
}

/// Looks up `N` parameter names in one pass; a name present twice is `Malformed`.
pub fn lookup<'a, const N: usize>(query: &'a [u8], names: [&[u8]; N]) -> Result<[Option<&'a [u8]>; N], Error> {
    let mut found = [None; N];
    for (name, value) in params(query) {
        for (slot, wanted) in found.iter_mut().zip(names) {
            if name == wanted {
                if slot.is_some() {
                    return Err(Error::Malformed);
                }
                *slot = Some(value);
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_full_and_bare_urls() {
        let u = parse(b"rtmp://push.example.com:1935/live/test?txSecret=ab&txTime=5C271099#frag").unwrap();
        assert_eq!(u.scheme, b"rtmp");
        assert_eq!(u.authority, b"push.example.com:1935");
        assert_eq!(u.path, b"/live/test");
        assert_eq!(u.query, b"txSecret=ab&txTime=5C271099");
        let u = parse(b"/live/test.flv?a=1").unwrap();
        assert_eq!((u.scheme, u.authority, u.path, u.query), (&b""[..], &b""[..], &b"/live/test.flv"[..], &b"a=1"[..]));
        let u = parse(b"https://h/p").unwrap();
        assert_eq!((u.path, u.query), (&b"/p"[..], &b""[..]));
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
        ] {
            assert_eq!(parse(bad), Err(Error::Malformed), "{:?}", String::from_utf8_lossy(bad));
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
}
