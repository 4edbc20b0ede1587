//! Tencent Cloud Live (CSS) push/play URL exports: hotlink protection with `txSecret` and
//! `txTime`.

use super::buffer::OutBuf;
use super::slice::{Keys, livesign_slice, report_match};
use super::status::livesign_status;
use super::{boundary, boundary_or, input, output, write_fixed};
use crate::Error;
use crate::tencent::url::{self, TxTimeForm, UrlKind, VerifiedUrl};

/// `rtmp://{domain}/{app}/{stream}?txSecret=...&txTime=...` (RTMP push or play).
pub const LIVESIGN_TENCENT_URL_RTMP: u32 = 1;
/// `webrtc://{domain}/{app}/{stream}?txSecret=...&txTime=...` (WebRTC / LEB push or play).
pub const LIVESIGN_TENCENT_URL_WEBRTC: u32 = 2;
/// `https://{domain}/{app}/{stream}.flv?txSecret=...&txTime=...` (HTTP-FLV play).
pub const LIVESIGN_TENCENT_URL_FLV: u32 = 3;
/// `https://{domain}/{app}/{stream}.m3u8?txSecret=...&txTime=...` (HLS play).
pub const LIVESIGN_TENCENT_URL_HLS: u32 = 4;

/// Length of a `txSecret`: 32 lowercase hex characters, written without a NUL.
pub const LIVESIGN_TENCENT_TX_SECRET_LEN: usize = 32;
const _: () = assert!(LIVESIGN_TENCENT_TX_SECRET_LEN == crate::tencent::Sign::LEN);

/// The largest expiry `livesign_tencent_url_build` accepts and a hex `txTime` can say:
/// `FFFFFFFF` (2106-02-07), 8 hex digits as in every documented `txTime`.
pub const LIVESIGN_TENCENT_URL_MAX_EXPIRY: u64 = 4_294_967_295;
const _: () = assert!(LIVESIGN_TENCENT_URL_MAX_EXPIRY == url::MAX_EXPIRY);

/// The smallest expiry `livesign_tencent_url_build` accepts and a hex `txTime` can say:
/// `10000000` (1978-07-04), the first time of 8 hex digits. A hex `txTime` has exactly 8, so a
/// character of it moved into the stream name (same `txSecret`) leaves a malformed time rather
/// than one before 1978, which a window of decades would still accept.
pub const LIVESIGN_TENCENT_URL_MIN_EXPIRY: u64 = 268_435_456;
const _: () = assert!(LIVESIGN_TENCENT_URL_MIN_EXPIRY == url::MIN_EXPIRY);

/// The longest URL `livesign_tencent_url_build` writes (an HLS URL whose domain, app and
/// stream are `LIVESIGN_MAX_ID_LEN` bytes each, expiry `LIVESIGN_TENCENT_URL_MAX_EXPIRY`): a
/// buffer of this size always fits.
pub const LIVESIGN_TENCENT_URL_MAX_LEN: usize = 841;
const _: () = assert!(LIVESIGN_TENCENT_URL_MAX_LEN == url::MAX_URL_LEN);

/// `tx_time_form` of `livesign_tencent_url_verify_form`: `txTime` is decimal when it is
/// exactly 10 decimal digits and hex (exactly 8 digits) otherwise, as
/// `livesign_tencent_url_verify` reads it.
pub const LIVESIGN_TENCENT_TX_TIME_HEX_OR_DECIMAL: u32 = 0;
/// `tx_time_form` of `livesign_tencent_url_verify_form`: `txTime` is exactly 8 hex digits of
/// either case, no leading zero: what `livesign_tencent_url_build` writes.
pub const LIVESIGN_TENCENT_TX_TIME_HEX: u32 = 1;
/// `tx_time_form` of `livesign_tencent_url_verify_form`: `txTime` is exactly 10 decimal
/// digits, no leading zero.
pub const LIVESIGN_TENCENT_TX_TIME_DECIMAL: u32 = 2;

fn form_of(form: u32) -> Option<TxTimeForm> {
    match form {
        LIVESIGN_TENCENT_TX_TIME_HEX_OR_DECIMAL => Some(TxTimeForm::HexOrDecimal),
        LIVESIGN_TENCENT_TX_TIME_HEX => Some(TxTimeForm::Hex),
        LIVESIGN_TENCENT_TX_TIME_DECIMAL => Some(TxTimeForm::Decimal),
        _ => None,
    }
}

fn kind(kind: u32) -> Option<UrlKind> {
    match kind {
        LIVESIGN_TENCENT_URL_RTMP => Some(UrlKind::Rtmp),
        LIVESIGN_TENCENT_URL_WEBRTC => Some(UrlKind::WebRtc),
        LIVESIGN_TENCENT_URL_FLV => Some(UrlKind::Flv),
        LIVESIGN_TENCENT_URL_HLS => Some(UrlKind::Hls),
        _ => None,
    }
}

/// Returns `LIVESIGN_TENCENT_TX_SECRET_LEN`, for bindings that cannot read macros. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_tencent_tx_secret_len() -> usize {
    LIVESIGN_TENCENT_TX_SECRET_LEN
}

/// Returns the exact length of the URL `livesign_tencent_url_build` writes for a `kind`
/// (`LIVESIGN_TENCENT_URL_...`), the byte lengths of the domain, app and stream name, and the
/// expiry; 0 when `kind` is unknown, `expiry` is below `LIVESIGN_TENCENT_URL_MIN_EXPIRY` or
/// above `LIVESIGN_TENCENT_URL_MAX_EXPIRY`, or a length is above `LIVESIGN_MAX_ID_LEN`. Never
/// allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_tencent_url_build_len(
    kind: u32,
    domain_len: usize,
    app_len: usize,
    stream_len: usize,
    expiry: u64,
) -> usize {
    boundary_or(0, || {
        let len = self::kind(kind).and_then(|k| url::url_len(k, domain_len, app_len, stream_len, expiry));
        len.ok_or(Error::InvalidArgument)
    })
}

/// Builds a Tencent CSS push or play URL with hotlink protection:
/// `{scheme}://{domain}/{app}/{stream}{suffix}?txSecret={secret}&txTime={TXTIME}`, where
/// `txTime` is `expiry` (Unix seconds) in uppercase hex as the CSS console writes it (e.g.
/// `5C271099`), and `txSecret` = lowercase hex MD5(key + stream + txTime).
///
/// - `kind`: `LIVESIGN_TENCENT_URL_RTMP`, `_WEBRTC`, `_FLV` (`https`, `.flv`) or `_HLS`
///   (`https`, `.m3u8`).
/// - `domain`: the push or play domain: a host name (dot-separated labels of `A-Z a-z 0-9 -`,
///   1 to 63 characters each, not starting or ending with `-`, and at most 253 in all, as DNS
///   allows; one whose last label is a
///   number must be a dotted-quad IPv4 address such as `192.0.2.1`, since browsers read
///   `1.2.3` or `010.0.0.1` as other addresses than other clients do) or a bracketed IPv6
///   address (`[2001:db8::1]`), optionally with `:port` (1 to 65535).
/// - `app`: the AppName (usually `live`); `/`-separated non-empty segments.
/// - `stream`: the stream name; it may not end in `.flv`, `.m3u8` or `.sdp`. `app` and
///   `stream` may only hold `A-Z a-z 0-9 - . _ ~`, and no segment of either may be `.` or
///   `..` (URL resolvers remove those), so the name hashed is the name sent.
///   `domain`, `app` and `stream` are at most `LIVESIGN_MAX_ID_LEN` bytes each.
/// - `key`: the push or play authentication key (primary or backup) from the console.
/// - `expiry`: Unix seconds, from `LIVESIGN_TENCENT_URL_MIN_EXPIRY` to
///   `LIVESIGN_TENCENT_URL_MAX_EXPIRY` (8 hex digits).
/// - `out`, `out_cap`, `out_len`: the output buffer (no NUL is written); `*out_len` receives the
///   length written, the length needed (with `LIVESIGN_BUFFER_TOO_SMALL`), or 0 on other
///   failures. `out` NULL with `out_cap` 0 asks for the size; `livesign_tencent_url_build_len`
///   gives it without a call that fails; `LIVESIGN_TENCENT_URL_MAX_LEN` bytes always fit.
///
/// Returns, in this order: `LIVESIGN_INVALID_ARGUMENT` when `out_len` is NULL, a pointer is NULL
/// with a non-zero length, `kind` is unknown, or `domain`, `app`, `stream` or `expiry` breaks
/// the rules above; `LIVESIGN_INVALID_KEY` for an empty key or one longer than
/// `LIVESIGN_MAX_KEY_LEN`; `LIVESIGN_BUFFER_TOO_SMALL`;
/// `LIVESIGN_OK`. Never allocates; safe from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_tencent_url_build(
    kind: u32,
    domain: *const u8,
    domain_len: usize,
    app: *const u8,
    app_len: usize,
    stream: *const u8,
    stream_len: usize,
    key: *const u8,
    key_len: usize,
    expiry: u64,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: out holds out_cap writable bytes not overlapping any input,
        // and out_len is writable.
        let mut out = unsafe { OutBuf::new(out, out_cap, out_len) }?;
        let result = (|| {
            // SAFETY: the C contract: every non-NULL input points to its length in bytes.
            let (domain, app, stream, key) = unsafe {
                (input(domain, domain_len)?, input(app, app_len)?, input(stream, stream_len)?, input(key, key_len)?)
            };
            let kind = self::kind(kind).ok_or(Error::InvalidArgument)?;
            url::build(kind, domain, app, stream, key, expiry, out.buf())
        })();
        out.report(result)
    })
}

/// Writes the `txSecret` for a stream name and a `txTime` exactly as it will appear in the URL
/// (8 hex digits in either case, or 10 decimal digits), for callers that assemble their own URLs:
/// lowercase hex MD5(key + stream + tx_time). The MD5 covers `tx_time` as written, so
/// `5C271099` and `5c271099` give different secrets.
///
/// - `out`: receives exactly `LIVESIGN_TENCENT_TX_SECRET_LEN` bytes (no NUL) on `LIVESIGN_OK`.
///
/// - `stream`: the stream name, raw bytes as they appear in the URL path (no AppName, no
///   suffix).
///
/// Returns, in this order: `LIVESIGN_INVALID_ARGUMENT` when `out` is NULL, an input is NULL
/// with a non-zero length or `stream` is longer than `LIVESIGN_MAX_ID_LEN`;
/// `LIVESIGN_INVALID_KEY` for an empty key or one longer than `LIVESIGN_MAX_KEY_LEN`;
/// `LIVESIGN_MALFORMED` when
/// `tx_time` is not a `txTime` that `livesign_tencent_url_verify` reads (exactly 8 hex digits,
/// or exactly 10 decimal digits, without a leading zero); `LIVESIGN_OK`. Never allocates.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_tencent_url_secret(
    key: *const u8,
    key_len: usize,
    stream: *const u8,
    stream_len: usize,
    tx_time: *const u8,
    tx_time_len: usize,
    out: *mut u8,
) -> livesign_status {
    boundary(|| {
        let out = output(out)?;
        // SAFETY: the C contract: every non-NULL input points to its length in bytes.
        let (key, stream, tx_time) =
            unsafe { (input(key, key_len)?, input(stream, stream_len)?, input(tx_time, tx_time_len)?) };
        let secret = url::secret(key, stream, tx_time)?;
        // SAFETY: out is non-NULL and the C contract gives it LIVESIGN_TENCENT_TX_SECRET_LEN bytes.
        unsafe { write_fixed(out, secret.as_bytes()) };
        Ok(())
    })
}

/// What a verified Tencent CSS URL says. The slices point into the caller's `url`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct livesign_tencent_url_info {
    /// The AppName: the path between its first and last `/` (e.g. `live`).
    pub app: livesign_slice,
    /// The stream name the secret covers (no AppName, no `.flv` / `.m3u8` / `.sdp`).
    pub stream_name: livesign_slice,
    /// `txTime` exactly as written.
    pub tx_time: livesign_slice,
    /// `txTime` as Unix seconds.
    pub expiry: u64,
    /// `expiry + valid_for_s` (saturating): the last second the URL is honoured, before leeway.
    pub valid_until: u64,
}

impl From<VerifiedUrl<'_>> for livesign_tencent_url_info {
    fn from(v: VerifiedUrl<'_>) -> Self {
        livesign_tencent_url_info {
            app: livesign_slice::of(v.app),
            stream_name: livesign_slice::of(v.stream_name),
            tx_time: livesign_slice::of(v.tx_time),
            expiry: v.expiry,
            valid_until: v.valid_until,
        }
    }
}

/// Verifies a Tencent CSS push or play URL with hotlink protection against a key ring, at
/// `now` (Unix seconds) with `leeway_s` seconds of clock skew.
///
/// - `keys`, `keys_len`: the primary key and optional backups (1 to `LIVESIGN_MAX_KEYS`),
///   tried in order; every key is tried, so the time taken does not say which one matched.
/// - `url`: a full URL (`rtmp://`, `webrtc://`, `https://` ... `.flv` / `.m3u8` / `.sdp`) or
///   just its `/path?query`, exactly as received (no percent-decoding). The stream name is the
///   last path segment without a `.flv`, `.m3u8` or `.sdp` suffix; the AppName is what lies
///   before it. `txSecret` must be 32 lowercase hex characters. An `rtmp` URL may have no `#`
///   and no `/` in its query: RTMP clients split the text after the host at its last `/`s,
///   so `rtmp://h/live/a?txSecret=...&x=/b` publishes stream `b`. Not read: an SRT URL
///   (`srt://h:9000?streamid=#!::h=...,r=app/stream,txSecret=...,txTime=...`; pass the
///   `/app/stream?txSecret=...&txTime=...` its `streamid` holds), the SRS form with the query
///   in the app (`rtmp://h/live?vhost=v/stream?txSecret=...`), and HLS segment paths
///   (`/live/stream-123.ts` names no stream: verify the playlist request).
/// - `valid_for_s`: seconds added to `txTime`: 0 for push URLs (`txTime` is the expiry); the
///   play-authentication validity period configured in the console for play URLs.
/// - `txTime` is read as decimal when it is exactly 10 decimal digits and as hex (exactly 8
///   digits, either case, `LIVESIGN_TENCENT_URL_MIN_EXPIRY` to
///   `LIVESIGN_TENCENT_URL_MAX_EXPIRY`) otherwise, never with a leading zero; the MD5 covers it
///   exactly as written.
/// - `matched`: NULL, or receives the index of the key that matched (written only on
///   `LIVESIGN_OK`).
/// - `info`: NULL, or receives what the URL says on `LIVESIGN_OK`; zero-filled on any failure.
///
/// Checks run in this order and the first failure is returned:
/// - `LIVESIGN_INVALID_ARGUMENT`: `keys` is NULL, `keys_len` is 0 or above
///   `LIVESIGN_MAX_KEYS`, a key or `url` is NULL with a non-zero length, `url` is longer than
///   `LIVESIGN_MAX_URL_LEN`;
/// - `LIVESIGN_INVALID_KEY`: a key is empty or longer than `LIVESIGN_MAX_KEY_LEN`;
/// - `LIVESIGN_MALFORMED`: the URL does not parse (spaces, control or non-ASCII bytes, no
///   path, an `rtmp` URL with a `#` or a `/` in its query), its path is not `/app/stream`,
///   `txSecret` or `txTime` is missing, repeated (another spelling of the name, such as
///   `tx%54ime` or `TXTIME`, counts) or badly formed;
/// - `LIVESIGN_SIGNATURE_MISMATCH` ("sign invalid"): no key gives the `txSecret`;
/// - `LIVESIGN_EXPIRED` ("time expired"): `now > txTime + valid_for_s + leeway_s`.
///
/// The MD5 joins the stream name and `txTime` without a separator (Tencent's scheme), so a
/// secret also covers other splits of the same bytes. The `txTime` form refuses most of them
/// (`LIVESIGN_MALFORMED`, whatever `valid_for_s` and `leeway_s`): a character moved into a real
/// 8-digit hex time makes 9 digits, a `0` moved in makes a leading zero, and a character moved
/// out leaves 7 digits (a time before 1978, which a window of decades would still reach).
/// One split is left, between the two forms: two stream digits and an all-digit 8-digit hex
/// `txTime` re-read as 10 decimal digits (`room17` + `67812345`, hex, January 2025, is also
/// `room` + `1767812345`, decimal, January 2026), and a decimal `txTime` re-read from its third
/// digit as hex (`room` + `1796000000`, decimal, November 2026, is also `room17` +
/// `96000000`, hex, year 2049). `livesign_tencent_url_verify_form` with the form you issue
/// closes it.
///
/// Returns `LIVESIGN_OK` for a valid URL. Never allocates; safe from any thread.
#[must_use = "the status says whether the URL is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_tencent_url_verify(
    keys: *const livesign_slice,
    keys_len: usize,
    url: *const u8,
    url_len: usize,
    valid_for_s: u32,
    now: u64,
    leeway_s: u32,
    matched: *mut usize,
    info: *mut livesign_tencent_url_info,
) -> livesign_status {
    boundary(|| {
        let form = Some(TxTimeForm::HexOrDecimal);
        // SAFETY: the caller's guarantees are this function's (the C contract above).
        unsafe { verify(keys, keys_len, url, url_len, form, valid_for_s, now, leeway_s, matched, info) }
    })
}

/// `livesign_tencent_url_verify` reading `txTime` only in `tx_time_form`
/// (`LIVESIGN_TENCENT_TX_TIME_HEX`, `_DECIMAL`, or `_HEX_OR_DECIMAL` for the rule of
/// `livesign_tencent_url_verify`); the other parameters, the checks and their order are those
/// of `livesign_tencent_url_verify`, with two more:
/// - `LIVESIGN_INVALID_ARGUMENT` also when `tx_time_form` is not one of the three (checked
///   first, before the keys);
/// - `LIVESIGN_MALFORMED` also when `txTime` is not in `tx_time_form`.
///
/// Pass the form your URLs are issued in: `LIVESIGN_TENCENT_TX_TIME_HEX` (what
/// `livesign_tencent_url_build` writes, and every documented example) or `_DECIMAL`. Then no
/// other split of a captured URL's signed bytes between the stream name and `txTime` verifies,
/// whatever the window: a character moved into the time makes it too long or gives it a
/// leading zero, and a character moved out leaves a hex time of 7 digits or a decimal one of
/// 9, all `LIVESIGN_MALFORMED`.
/// `livesign_tencent_url_verify` also accepts the split between the forms: decimal `room` +
/// `1796000000` cut as hex `room17` + `96000000` (year 2049), hex `room17` + `67812345` cut as
/// decimal `room` + `1767812345`.
///
/// Returns `LIVESIGN_OK` for a valid URL. Never allocates; safe from any thread.
#[must_use = "the status says whether the URL is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_tencent_url_verify_form(
    keys: *const livesign_slice,
    keys_len: usize,
    url: *const u8,
    url_len: usize,
    tx_time_form: u32,
    valid_for_s: u32,
    now: u64,
    leeway_s: u32,
    matched: *mut usize,
    info: *mut livesign_tencent_url_info,
) -> livesign_status {
    boundary(|| {
        let form = form_of(tx_time_form);
        // SAFETY: the caller's guarantees are this function's (the C contract above).
        unsafe { verify(keys, keys_len, url, url_len, form, valid_for_s, now, leeway_s, matched, info) }
    })
}

/// The body of both verifiers, run inside their panic boundary; `form` is `None` when the
/// caller's form is unknown.
///
/// # Safety
/// The C contract of `livesign_tencent_url_verify`.
#[allow(clippy::too_many_arguments)]
unsafe fn verify(
    keys: *const livesign_slice,
    keys_len: usize,
    url: *const u8,
    url_len: usize,
    form: Option<TxTimeForm>,
    valid_for_s: u32,
    now: u64,
    leeway_s: u32,
    matched: *mut usize,
    info: *mut livesign_tencent_url_info,
) -> Result<(), Error> {
    if !info.is_null() {
        // SAFETY: a non-NULL info points to a writable livesign_tencent_url_info (C contract);
        // all-zero bytes are a valid info (NULL slices, zeros).
        unsafe { info.write_bytes(0, 1) };
    }
    let form = form.ok_or(Error::InvalidArgument)?;
    // SAFETY: the C contract: keys points to keys_len slices, each valid for its length.
    let keys = unsafe { Keys::read(keys, keys_len) }?;
    // SAFETY: the C contract: a non-NULL url points to url_len readable bytes.
    let url = unsafe { input(url, url_len) }?;
    let verified = url::verify_form(keys.as_slice(), url, form, valid_for_s, now, leeway_s)?;
    // SAFETY: matched is NULL or a writable size_t (C contract).
    unsafe { report_match(matched, verified.key_index) };
    if !info.is_null() {
        // SAFETY: as above.
        unsafe { info.write(verified.into()) };
    }
    Ok(())
}
