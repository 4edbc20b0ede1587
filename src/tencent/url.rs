//! Tencent CSS push and play URLs with hotlink protection (`txSecret` / `txTime`, the shared
//! `crate::txsecret` scheme): building `rtmp://`, `webrtc://` and `https://` `.flv` / `.m3u8`
//! URLs, and verifying a received URL against a primary key and backups.
//!
//! Tencent's rules on top of the shared scheme: the stream name is the last path segment,
//! without the AppName before it and without a `.flv`, `.m3u8` or `.sdp` suffix; built URLs
//! carry `txTime` as uppercase hex, as the CSS console's generator and the documented example
//! write it (`5C271099`); keys are free text and only need to be non-empty.
//!
//! The MD5 covers `txTime` exactly as written in the URL, so `5C271099` and `5c271099` give
//! different secrets. A received `txTime` is read as **decimal when it is exactly 10 decimal
//! digits, and as hex (exactly 8 digits, either case, no leading zero) otherwise**. Tencent's
//! docs allow hex and, from 2023, decimal: every Unix time from 2001 to 2286 has 10 decimal
//! digits, every one from `10000000` in 1978 ([`MIN_EXPIRY`]) to `FFFFFFFF` in 2106
//! ([`MAX_EXPIRY`]) 8 hex digits, and [`build`] accepts those expiries. Other widths are refused
//! because the secret joins the stream name and `txTime` without a separator: `room1` +
//! `5C271099` and `room` + `15C271099` share a secret, the second for another stream until
//! 2155, and so do `room1a` + `6553FF10` and `room1a6` + `553FF10`, a time in 1972 that a
//! `valid_for_s` or `leeway_s` of decades (each reaches 136 years) would still accept. One
//! split is left between the two forms (`room` + `1796000000`, decimal, is also `room17` +
//! `96000000`, hex, year 2049): a verifier that knows which form its URLs carry reads only that
//! one ([`verify_form`]).

use super::sign::{Sign, check_key};
use crate::limits::{self, Limits};
use crate::text;
pub use crate::txsecret::TxTimeForm;
use crate::txsecret::{self, Case, StreamPath, Window};
use crate::{Error, url};

/// Suffixes that play URLs put after the stream name and that the secret does not cover.
const SUFFIXES: [&[u8]; 3] = [b".flv", b".m3u8", b".sdp"];

/// The kinds of URL [`build`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UrlKind {
    /// `rtmp://{domain}/{app}/{stream}?...`: RTMP push or play.
    Rtmp,
    /// `webrtc://{domain}/{app}/{stream}?...`: WebRTC (LEB) push or play.
    WebRtc,
    /// `https://{domain}/{app}/{stream}.flv?...`: HTTP-FLV play.
    Flv,
    /// `https://{domain}/{app}/{stream}.m3u8?...`: HLS play.
    Hls,
}

impl UrlKind {
    fn scheme(self) -> &'static [u8] {
        match self {
            UrlKind::Rtmp => b"rtmp",
            UrlKind::WebRtc => b"webrtc",
            UrlKind::Flv | UrlKind::Hls => b"https",
        }
    }

    fn suffix(self) -> &'static [u8] {
        match self {
            UrlKind::Rtmp | UrlKind::WebRtc => b"",
            UrlKind::Flv => b".flv",
            UrlKind::Hls => b".m3u8",
        }
    }
}

/// The largest expiry [`build`] accepts and a hex `txTime` can say: `FFFFFFFF`, 2106-02-07.
pub const MAX_EXPIRY: u64 = txsecret::MAX_EXPIRY;
/// The smallest expiry [`build`] accepts and a hex `txTime` can say: `10000000`, 1978-07-04,
/// the first time of 8 hex digits (see the module documentation).
pub const MIN_EXPIRY: u64 = txsecret::MIN_EXPIRY;

/// The longest URL [`build`] writes: an HLS URL (the longest scheme and suffix) whose domain,
/// app and stream are [`crate::Limits::MAX_ID_LEN`] bytes each and whose expiry is
/// [`MAX_EXPIRY`] (`LIVESIGN_TENCENT_URL_MAX_LEN` in C).
pub(crate) const MAX_URL_LEN: usize =
    b"https://".len() + b"/".len() * 2 + b".m3u8".len() + b"?".len() + txsecret::QUERY_MAX_LEN + 3 * Limits::MAX_ID_LEN;

/// The exact length of the URL [`build`] writes for these input lengths and expiry, or `None`
/// when `expiry` is below [`MIN_EXPIRY`] or above [`MAX_EXPIRY`] or a length above
/// [`crate::Limits::MAX_ID_LEN`].
pub fn url_len(kind: UrlKind, domain_len: usize, app_len: usize, stream_len: usize, expiry: u64) -> Option<usize> {
    let expiry_ok = (MIN_EXPIRY..=MAX_EXPIRY).contains(&expiry);
    if !expiry_ok || domain_len.max(app_len).max(stream_len) > Limits::MAX_ID_LEN {
        return None;
    }
    let fixed = kind.scheme().len()
        + b"://".len()
        + b"/".len() * 2
        + kind.suffix().len()
        + b"?".len()
        + txsecret::query_len(expiry);
    fixed.checked_add(domain_len)?.checked_add(app_len)?.checked_add(stream_len)
}

/// Writes `{scheme}://{domain}/{app}/{stream}{suffix}?txSecret={secret}&txTime={TXTIME}` into
/// `out` and returns its length; `txTime` is `expiry` in uppercase hex.
///
/// Inputs are checked, in this order, and refused with [`Error::InvalidArgument`]: `domain`
/// must be a host name (dot-separated labels of `A-Z a-z 0-9 -`, 1 to 63 characters each and
/// at most 253 in all, as DNS allows; one whose last label is a number must be a dotted-quad
/// IPv4 address, as `1.2.3` or `010.0.0.1` reads as another address in a browser than
/// elsewhere) or a bracketed IPv6 address, with an optional `:port` (1 to 65535); `app` one
/// or more `/`-separated non-empty segments; `stream` non-empty and not ending in `.flv`,
/// `.m3u8` or `.sdp` (a verifier would strip that suffix and check another name); `app` and
/// `stream` may only hold RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`) and no
/// segment may be `.` or `..` (URL resolvers remove those), so the hashed name is exactly
/// what the URL carries; `domain`, `app` and `stream` at most
/// [`crate::Limits::MAX_ID_LEN`] bytes each; `expiry` from [`MIN_EXPIRY`] to [`MAX_EXPIRY`]
/// (8 hex digits). Then
/// [`Error::InvalidKey`] for an empty key (or one over [`crate::Limits::MAX_KEY_LEN`]), and
/// [`Error::BufferTooSmall`] (with the exact size needed, `out` untouched) when `out` is short.
pub fn build(
    kind: UrlKind,
    domain: &[u8],
    app: &[u8],
    stream: &[u8],
    key: &[u8],
    expiry: u64,
    out: &mut [u8],
) -> Result<usize, Error> {
    limits::check_all([(domain, Limits::MAX_ID_LEN), (app, Limits::MAX_ID_LEN), (stream, Limits::MAX_ID_LEN)])?;
    if !crate::host::is_host_port(domain) || !valid_app(app) || !valid_stream(stream) {
        return Err(Error::InvalidArgument);
    }
    let tx_time = txsecret::tx_time(expiry, Case::Upper)?;
    check_key(key)?;
    let query = txsecret::query(key, stream, &tx_time)?;
    text::write_whole(out, MAX_URL_LEN, |o| {
        for part in [kind.scheme(), b"://", domain, b"/", app, b"/", stream, kind.suffix(), b"?", query.as_bytes()] {
            o.push(part);
        }
    })
}

/// The `txSecret` for `stream` (raw bytes, as in the URL path) and a `txTime` exactly as it
/// will be written (8 hex digits in either case, or 10 decimal digits), for callers that
/// assemble their own URLs.
///
/// Errors, in this order: [`Error::InvalidArgument`] for a stream name over
/// [`crate::Limits::MAX_ID_LEN`]; [`Error::InvalidKey`] for an empty key (or one over
/// [`crate::Limits::MAX_KEY_LEN`]); [`Error::Malformed`] when `tx_time` is not a `txTime` a
/// verifier accepts.
pub fn secret(key: &[u8], stream: &[u8], tx_time: &[u8]) -> Result<Sign, Error> {
    limits::check(stream, Limits::MAX_ID_LEN)?;
    check_key(key)?;
    txsecret::parse_tx_time(tx_time)?;
    Ok(txsecret::secret(key, stream, tx_time))
}

/// What a verified URL says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerifiedUrl<'a> {
    /// The AppName: the path between its first and its last `/` (e.g. `live`).
    pub app: &'a [u8],
    /// The stream name the secret covers (no AppName, no suffix).
    pub stream_name: &'a [u8],
    /// `txTime` exactly as written.
    pub tx_time: &'a [u8],
    /// `txTime` as a Unix time.
    pub expiry: u64,
    /// `expiry + valid_for_s` (saturating): the last second the URL is honoured before leeway.
    pub valid_until: u64,
    /// Index in `keys` of the key that matched.
    pub key_index: usize,
}

/// Verifies a push or play URL (`scheme://host/app/stream[.flv|.m3u8|.sdp]?...` or just its
/// `/path?query`) against `keys` (the primary key first, then backups; at most 8) at `now`.
///
/// `valid_for_s` is added to `txTime`: 0 for push URLs, whose `txTime` is the expiry itself;
/// the play-authentication "validity period" configured in the console for play URLs, whose
/// effective end is `txTime + validity period`. `leeway_s` tolerates clock skew on top.
///
/// Checks run in this order and the first failure is returned: [`Error::InvalidArgument`] (a
/// URL over [`crate::Limits::MAX_URL_LEN`], no key, or more than 8), [`Error::InvalidKey`] (an
/// empty key, or one over [`crate::Limits::MAX_KEY_LEN`]); [`Error::Malformed`] (the URL
/// does not parse, or is an `rtmp` URL with a `#` or a `/` in its query, which RTMP clients
/// split into another stream name; the path has no `/app/stream`; `txSecret` or `txTime` is
/// missing, repeated (also in another spelling: `tx%54ime`, `TXTIME`) or badly formed;
/// `txSecret` must be 32 lowercase hex characters); [`Error::SignatureMismatch`]
/// (no key matches; every key is tried and compared in constant time);
/// [`Error::Expired`] (`now > txTime + valid_for_s + leeway_s`, saturating).
///
/// The path and query are used exactly as written (no percent-decoding), as the CDN hashes
/// them. See the [module documentation](self) for the `txTime` hex/decimal rule. An SRT URL
/// (the stream and query inside `streamid`) and SRS's query-in-the-app form
/// (`rtmp://h/live?vhost=v/stream?...`) are `Malformed`: pass the `/app/stream?query` they
/// stand for. An HLS segment path (`/live/stream-123.ts`) names no stream and does not verify.
///
/// `txTime` is read in either form ([`TxTimeForm::HexOrDecimal`]), which leaves one split of
/// the signed bytes between the stream name and `txTime` (see the module documentation):
/// when you know which form your URLs carry, call [`verify_form`] with it.
pub fn verify<'a>(
    keys: &[&[u8]],
    url: &'a [u8],
    valid_for_s: u32,
    now: u64,
    leeway_s: u32,
) -> Result<VerifiedUrl<'a>, Error> {
    verify_form(keys, url, TxTimeForm::HexOrDecimal, valid_for_s, now, leeway_s)
}

/// [`verify`] reading `txTime` only in `form`; a `txTime` in another form is
/// [`Error::Malformed`].
///
/// Pass the form your URLs are issued in: [`TxTimeForm::Hex`] (what [`build`] writes) or
/// [`TxTimeForm::Decimal`]. Then no other split of a captured URL's signed bytes verifies,
/// whatever `valid_for_s` and `leeway_s`: a character moved into the time makes it too long or
/// gives it a leading zero, and a character moved out leaves a hex time of 7 digits or a
/// decimal one of 9, all [`Error::Malformed`]. [`verify`] also
/// accepts the split between the forms: decimal `room` + `1796000000` cut as hex `room17` +
/// `96000000` (year 2049), hex `room17` + `67812345` cut as decimal `room` + `1767812345`.
pub fn verify_form<'a>(
    keys: &[&[u8]],
    url: &'a [u8],
    form: TxTimeForm,
    valid_for_s: u32,
    now: u64,
    leeway_s: u32,
) -> Result<VerifiedUrl<'a>, Error> {
    let window = Window { valid_for_s, now, leeway_s };
    let v = txsecret::verify(keys, |k| limits::key_len_ok(k), url, stream_path, form, window)?;
    Ok(VerifiedUrl {
        app: v.path.app,
        stream_name: v.path.stream,
        tx_time: v.tx_time,
        expiry: v.expiry,
        valid_until: v.valid_until,
        key_index: v.key_index,
    })
}

/// Tencent's stream-name rule: `/{app}/{stream}{suffix}`, where the app may have several
/// segments and the stream is the last one, minus one `.flv` / `.m3u8` / `.sdp` suffix.
fn stream_path(path: &[u8]) -> Result<StreamPath<'_>, Error> {
    let rest = path.strip_prefix(b"/").ok_or(Error::Malformed)?;
    let last = rest.iter().rposition(|&b| b == b'/').ok_or(Error::Malformed)?;
    let (app, segment) = (&rest[..last], &rest[last + 1..]);
    let stream = SUFFIXES.iter().find_map(|s| segment.strip_suffix(*s)).unwrap_or(segment);
    if app.is_empty() || app.split(|&b| b == b'/').any(<[u8]>::is_empty) || stream.is_empty() {
        return Err(Error::Malformed);
    }
    Ok(StreamPath { app, stream })
}

fn valid_app(app: &[u8]) -> bool {
    !app.is_empty() && app.split(|&b| b == b'/').all(valid_segment)
}

fn valid_stream(stream: &[u8]) -> bool {
    valid_segment(stream) && !SUFFIXES.iter().any(|s| stream.ends_with(s))
}

/// A non-empty path segment of unreserved characters that is not `.` or `..`: URL resolvers
/// (browsers, players, HTTP libraries; RFC 3986 §5.2.4) remove those, so `/live/..` would
/// reach the CDN as `/` and the name hashed would not be the name sent.
fn valid_segment(seg: &[u8]) -> bool {
    !seg.is_empty() && seg != b"." && seg != b".." && seg.iter().all(|&b| url::is_unreserved(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"e12c46f2612d5106e2034781ab261ca3";

    #[test]
    fn builds_the_documented_example() {
        let mut buf = [0u8; 128];
        let n = build(UrlKind::Rtmp, b"livepush.tcloud.com", b"live", b"test", KEY, 1546064025, &mut buf).unwrap();
        let want = b"rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099";
        assert_eq!(&buf[..n], want);
        assert_eq!(url_len(UrlKind::Rtmp, 19, 4, 4, 1546064025), Some(n));
    }

    #[test]
    fn max_url_len_is_the_longest_kind_at_the_limits() {
        let max = Limits::MAX_ID_LEN;
        let lens =
            [UrlKind::Rtmp, UrlKind::WebRtc, UrlKind::Flv, UrlKind::Hls].map(|k| url_len(k, max, max, max, MAX_EXPIRY));
        assert_eq!(lens.iter().flatten().max(), Some(&MAX_URL_LEN));
    }

    #[test]
    fn stream_name_rule() {
        for (path, app, stream) in [
            (&b"/live/test"[..], &b"live"[..], &b"test"[..]),
            (b"/live/test.flv", b"live", b"test"),
            (b"/live/test.m3u8", b"live", b"test"),
            (b"/live/test.sdp", b"live", b"test"),
            (b"/live/test.flv.flv", b"live", b"test.flv"),
            (b"/live/test.FLV", b"live", b"test.FLV"),
            (b"/live/test.ts", b"live", b"test.ts"),
            (b"/a/b/test", b"a/b", b"test"),
        ] {
            assert_eq!(stream_path(path), Ok(StreamPath { app, stream }), "{:?}", String::from_utf8_lossy(path));
        }
        for bad in [&b"/"[..], b"/test", b"/live/", b"/live/.flv", b"//test", b"/a//test", b"live/test", b""] {
            assert_eq!(stream_path(bad), Err(Error::Malformed), "{:?}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn builder_refuses_what_a_verifier_would_read_differently() {
        let mut buf = [0u8; 256];
        type Case<'a> = (&'a [u8], &'a [u8], &'a [u8], u64);
        const T: u64 = 1_700_003_600;
        let cases: [Case; 21] = [
            (b"", b"live", b"s", T),
            (b"h/x", b"live", b"s", T),
            // No host, or no port: the URL names no server.
            (b":80", b"live", b"s", T),
            (b"[]", b"live", b"s", T),
            (b"h:0", b"live", b"s", T),
            (b"h..x", b"live", b"s", T),
            (b"[::1]x", b"live", b"s", T),
            (b"h", b"", b"s", T),
            (b"h", b"/live", b"s", T),
            (b"h", b"li?ve", b"s", T),
            (b"h", b"live", b"", T),
            (b"h", b"live", b"s.flv", T),
            (b"h", b"live", b"s&txTime=1", T),
            (b"h", b"live", "é".as_bytes(), T),
            (b"h", b"live", b"..", T),
            (b"h", b"live", b".", T),
            (b"h", b"live/..", b"s", T),
            (b"h", b"live", b"s", MAX_EXPIRY + 1),
            // Fewer than 8 hex digits: a verifier would refuse the time.
            (b"h", b"live", b"s", MIN_EXPIRY - 1),
            (b"h", b"live", b"s", 1),
            (b"h", b"live", b"s", 0),
        ];
        for (domain, app, stream, expiry) in cases {
            assert_eq!(build(UrlKind::Flv, domain, app, stream, KEY, expiry, &mut buf), Err(Error::InvalidArgument));
        }
        assert_eq!(build(UrlKind::Flv, b"h", b"live", b"s", b"", T, &mut buf), Err(Error::InvalidKey));
        for domain in [&b"h:8080"[..], b"[::1]:1935", b"push.example.com"] {
            assert_eq!(build(UrlKind::Flv, domain, b"a/b", b"s.x", KEY, T, &mut buf).map(|_| ()), Ok(()));
        }
        assert_eq!(build(UrlKind::Flv, b"h", b"live", b"s", KEY, MIN_EXPIRY, &mut buf).map(|_| ()), Ok(()));
        assert_eq!(url_len(UrlKind::Flv, 1, 4, 1, MIN_EXPIRY - 1), None);
    }

    #[test]
    fn every_kind_round_trips() {
        for kind in [UrlKind::Rtmp, UrlKind::WebRtc, UrlKind::Flv, UrlKind::Hls] {
            let mut buf = [0u8; 256];
            let n = build(kind, b"play.example.com", b"live", b"room_1", KEY, 1700003600, &mut buf).unwrap();
            assert_eq!(url_len(kind, 16, 4, 6, 1700003600), Some(n));
            let v = verify(&[KEY], &buf[..n], 0, 1700003600, 0).unwrap();
            assert_eq!((v.app, v.stream_name, v.tx_time), (&b"live"[..], &b"room_1"[..], &b"6553FF10"[..]));
            let mut short = [0u8; 8];
            assert_eq!(
                build(kind, b"play.example.com", b"live", b"room_1", KEY, 1700003600, &mut short),
                Err(Error::BufferTooSmall { needed: n })
            );
        }
    }
}
