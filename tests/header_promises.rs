//! The header's per-function promises, checked through the C ABI: which status comes first
//! when two checks fail, what each out-parameter holds after a failure (untouched, zero,
//! the size needed), and whether the `_len` / `_MAX_LEN` helpers agree with the writers.

use core::ptr::{null, null_mut};

use livesign::ffi::alibaba::*;
use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
use livesign::ffi::huawei::*;
use livesign::ffi::huawei_record::*;
use livesign::ffi::huawei_url::*;
use livesign::ffi::json::livesign_json_unescape;
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::status::livesign_status::{self, *};
use livesign::ffi::tencent::*;
use livesign::ffi::tencent_api::livesign_tencent_api_build;
use livesign::ffi::tencent_url::*;
use livesign::ffi::trtc::*;
use livesign::ffi::trtc_callback::*;
use livesign::ffi::trtc_rest::*;

const HUAWEI_URL_KEY: &[u8] = b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enly";
const KEY32: &[u8] = b"0123456789abcdef0123456789abcdef";

/// A host of `LIVESIGN_MAX_ID_LEN` bytes that the URL builders take: DNS allows no label over
/// 63 characters and no name over 253, so labels and a port fill it.
fn longest_host() -> String {
    let host = format!("{0}.{0}.{0}.{1}:80", "h".repeat(63), "h".repeat(61));
    assert_eq!(host.len(), livesign::ffi::limits::LIVESIGN_MAX_ID_LEN);
    host
}

fn loaded(key: &[u8]) -> livesign_hmac_key {
    let mut ctx = core::mem::MaybeUninit::<livesign_hmac_key>::zeroed();
    // SAFETY: ctx is writable; key is valid for its length.
    assert_eq!(unsafe { livesign_hmac_key_init(ctx.as_mut_ptr(), key.as_ptr(), key.len()) }, LIVESIGN_OK);
    // SAFETY: initialised by the successful call.
    unsafe { ctx.assume_init() }
}

/// A variable-size writer called with `cap` bytes of 0xAA: its status, `*out_len` (which
/// starts at a sentinel) and the buffer afterwards.
fn write_var(
    cap: usize,
    f: impl FnOnce(*mut u8, usize, *mut usize) -> livesign_status,
) -> (livesign_status, usize, Vec<u8>) {
    let mut buf = vec![0xAAu8; cap.max(1)];
    let mut len = 0xDEAD;
    let st = f(if cap == 0 { null_mut() } else { buf.as_mut_ptr() }, cap, &mut len);
    (st, len, buf)
}

/// A variable-size writer: `(out, out_cap, out_len)` to its status.
type Writer<'a> = dyn Fn(*mut u8, usize, *mut usize) -> livesign_status + 'a;

#[test]
fn key_contexts_are_wiped_when_a_key_is_refused() {
    let mut ctx = loaded(KEY32);
    let long = vec![b'k'; livesign::ffi::limits::LIVESIGN_MAX_KEY_LEN + 1];
    // SAFETY: ctx is writable; long is valid for its length.
    assert_eq!(unsafe { livesign_hmac_key_init(&mut ctx, long.as_ptr(), long.len()) }, LIVESIGN_INVALID_KEY);
    // SAFETY: ctx is a plain-integer struct.
    let bytes: [u8; size_of::<livesign_hmac_key>()] = unsafe { core::mem::transmute(ctx) };
    assert!(bytes.iter().all(|&b| b == 0), "a refused key left the old one loaded");
}

/// `livesign_huawei_event_id` lists `LIVESIGN_INVALID_ARGUMENT` (a field NULL with a length)
/// before `LIVESIGN_MALFORMED` (a field that is not JSON string text): a hand-made event with
/// both faults is an argument error, whichever field holds which.
#[test]
fn event_id_reports_a_null_field_before_a_malformed_one() {
    // SAFETY: all-zero bytes are a valid event (NULL slices, zeros).
    let mut e: livesign_huawei_event = unsafe { core::mem::zeroed() };
    e.domain = livesign_slice::of(b"\"");
    e.event_text = livesign_slice { ptr: null(), len: 3 };
    // SAFETY: the event's non-NULL slices point to static bytes; out is a size query.
    let (st, len, _) = write_var(0, |o, c, l| unsafe { livesign_huawei_event_id(&e, o, c, l) });
    assert_eq!((st, len), (LIVESIGN_INVALID_ARGUMENT, 0));
    e.domain = livesign_slice { ptr: null(), len: 3 };
    e.event_text = livesign_slice::of(b"\\x");
    // SAFETY: as above.
    let (st, len, _) = write_var(0, |o, c, l| unsafe { livesign_huawei_event_id(&e, o, c, l) });
    assert_eq!((st, len), (LIVESIGN_INVALID_ARGUMENT, 0));
}

/// `livesign_huawei_event_id` bounds every field by `LIVESIGN_MAX_BODY_LEN`, the body every
/// verified event's fields lie in: one byte more in any field is an argument error.
#[test]
fn event_id_bounds_each_field_by_the_body_limit() {
    let long = vec![b'a'; livesign::Limits::MAX_BODY_LEN + 1];
    for field in 0..5 {
        // SAFETY: all-zero bytes are a valid event (NULL slices, zeros).
        let mut e: livesign_huawei_event = unsafe { core::mem::zeroed() };
        let slots = [&mut e.domain, &mut e.app, &mut e.stream, &mut e.publish_timestamp, &mut e.event_text];
        for (i, slot) in slots.into_iter().enumerate() {
            *slot = livesign_slice::of(if i == field { &long } else { &long[..livesign::Limits::MAX_BODY_LEN] });
        }
        // SAFETY: the event's slices point into `long`, alive for the call; out is a size query.
        let (st, len, _) = write_var(0, |o, c, l| unsafe { livesign_huawei_event_id(&e, o, c, l) });
        assert_eq!((st, len), (LIVESIGN_INVALID_ARGUMENT, 0), "field {field}");
    }
    // SAFETY: as above.
    let mut e: livesign_huawei_event = unsafe { core::mem::zeroed() };
    e.domain = livesign_slice::of(&long[..livesign::Limits::MAX_BODY_LEN]);
    // SAFETY: as above; a field at the limit is read.
    let (st, len, _) = write_var(0, |o, c, l| unsafe { livesign_huawei_event_id(&e, o, c, l) });
    assert_eq!((st, len), (LIVESIGN_BUFFER_TOO_SMALL, livesign::Limits::MAX_BODY_LEN + 4));
}

/// "`*out_len` = size needed, nothing written" for the query builders.
#[test]
fn builders_write_nothing_into_a_short_buffer() {
    let (r, u) = (b"0", b"0");
    let cases: [(&str, &Writer<'_>); 4] = [
        ("alibaba_url_a_build", &|o, c, l| {
            // SAFETY: inputs are static and valid for their lengths; (o, c, l) from write_var.
            unsafe {
                livesign_alibaba_url_a_build(
                    b"k".as_ptr(),
                    1,
                    b"/a".as_ptr(),
                    2,
                    1,
                    r.as_ptr(),
                    1,
                    u.as_ptr(),
                    1,
                    o,
                    c,
                    l,
                )
            }
        }),
        ("huawei_url_a_build", &|o, c, l| {
            // SAFETY: as above.
            unsafe {
                livesign_huawei_url_a_build(
                    HUAWEI_URL_KEY.as_ptr(),
                    32,
                    b"/a".as_ptr(),
                    2,
                    1,
                    LIVESIGN_HUAWEI_TIME_HEX,
                    r.as_ptr(),
                    1,
                    u.as_ptr(),
                    1,
                    o,
                    c,
                    l,
                )
            }
        }),
        ("huawei_url_b_build", &|o, c, l| {
            // SAFETY: as above.
            unsafe { livesign_huawei_url_b_build(HUAWEI_URL_KEY.as_ptr(), 32, b"s".as_ptr(), 1, 0x5eed5888, o, c, l) }
        }),
        ("huawei_url_d_build", &|o, c, l| {
            // SAFETY: as above.
            unsafe { livesign_huawei_url_d_build(HUAWEI_URL_KEY.as_ptr(), 32, b"s".as_ptr(), 1, 0x5eed5888, o, c, l) }
        }),
    ];
    for (name, f) in cases {
        let (st, needed, _) = write_var(0, f);
        assert_eq!(st, LIVESIGN_BUFFER_TOO_SMALL, "{name}");
        let (st, len, buf) = write_var(needed - 1, f);
        assert_eq!((st, len), (LIVESIGN_BUFFER_TOO_SMALL, needed), "{name}");
        assert!(buf.iter().all(|&b| b == 0xAA), "{name} wrote into a short buffer");
        let (st, len, _) = write_var(needed, f);
        assert_eq!((st, len), (LIVESIGN_OK, needed), "{name}");
    }
}

/// The header's convention for every variable-size output: `LIVESIGN_BUFFER_TOO_SMALL`
/// writes nothing into `out` (the builders above and these; `tencent_url_build` and
/// `tencent_api_build` once left a prefix of the URL behind).
#[test]
fn every_variable_output_is_untouched_when_short() {
    let k32 = loaded(KEY32);
    let url_key = loaded(HUAWEI_URL_KEY);
    let (id, ub) = (b"user_1", b"");
    let cases: [(&str, &Writer<'_>); 13] = [
        ("tencent_url_build", &|o, c, l| {
            // SAFETY: inputs are static and valid for their lengths; (o, c, l) from write_var.
            unsafe {
                livesign_tencent_url_build(
                    LIVESIGN_TENCENT_URL_RTMP,
                    b"h.example.com".as_ptr(),
                    13,
                    b"live".as_ptr(),
                    4,
                    b"s".as_ptr(),
                    1,
                    b"k".as_ptr(),
                    1,
                    0x5C27_1099,
                    o,
                    c,
                    l,
                )
            }
        }),
        ("tencent_api_build", &|o, c, l| {
            // SAFETY: as above; no parameters.
            unsafe { livesign_tencent_api_build(15, null(), 0, 1234, b"k".as_ptr(), 1, 7, null(), 0, o, c, l) }
        }),
        ("trtc_rest_url", &|o, c, l| {
            // SAFETY: as above; the default host.
            unsafe {
                livesign_trtc_rest_url(
                    null(),
                    0,
                    b"im".as_ptr(),
                    2,
                    b"c".as_ptr(),
                    1,
                    1_400_000_000,
                    id.as_ptr(),
                    id.len(),
                    b"abcd".as_ptr(),
                    4,
                    7,
                    o,
                    c,
                    l,
                )
            }
        }),
        ("json_unescape", &|o, c, l| {
            // The text is shorter than its escaped form, so a buffer can be long enough for the
            // text and shorter than the input.
            let raw = br"a\u00e9\/b";
            // SAFETY: as above.
            unsafe { livesign_json_unescape(raw.as_ptr(), raw.len(), o, c, l) }
        }),
        ("usersig_gen", &|o, c, l| {
            // SAFETY: as above.
            unsafe {
                livesign_usersig_gen(1, KEY32.as_ptr(), 32, id.as_ptr(), id.len(), 60, 7, ub.as_ptr(), 0, o, c, l)
            }
        }),
        ("usersig_gen_keyed", &|o, c, l| {
            // SAFETY: as above; k32 is an initialised context.
            unsafe { livesign_usersig_gen_keyed(1, &k32, id.as_ptr(), id.len(), 60, 7, b"buf".as_ptr(), 3, o, c, l) }
        }),
        ("privmap_gen", &|o, c, l| {
            // SAFETY: as above.
            unsafe { livesign_privmap_gen(1, KEY32.as_ptr(), 32, id.as_ptr(), id.len(), 60, 7, 42, 255, o, c, l) }
        }),
        ("privmap_gen_keyed", &|o, c, l| {
            // SAFETY: as above.
            unsafe { livesign_privmap_gen_keyed(1, &k32, id.as_ptr(), id.len(), 60, 7, 42, 255, o, c, l) }
        }),
        ("privmap_gen_roomstr", &|o, c, l| {
            // SAFETY: as above.
            unsafe {
                livesign_privmap_gen_roomstr(
                    1,
                    KEY32.as_ptr(),
                    32,
                    id.as_ptr(),
                    id.len(),
                    60,
                    7,
                    b"r".as_ptr(),
                    1,
                    255,
                    o,
                    c,
                    l,
                )
            }
        }),
        ("privmap_gen_roomstr_keyed", &|o, c, l| {
            // SAFETY: as above.
            unsafe {
                livesign_privmap_gen_roomstr_keyed(
                    1,
                    &k32,
                    id.as_ptr(),
                    id.len(),
                    60,
                    7,
                    b"r".as_ptr(),
                    1,
                    255,
                    o,
                    c,
                    l,
                )
            }
        }),
        ("huawei_url_d_build_keyed", &|o, c, l| {
            // SAFETY: as above.
            unsafe { livesign_huawei_url_d_build_keyed(&url_key, b"s".as_ptr(), 1, 0x5eed5888, o, c, l) }
        }),
        ("huawei_event_id", &|o, c, l| {
            let ev = core::mem::MaybeUninit::<livesign_huawei_event>::zeroed();
            // SAFETY: an all-zero event is valid (empty fields); the id has five empty fields.
            unsafe { livesign_huawei_event_id(ev.as_ptr(), o, c, l) }
        }),
        ("huawei_replay_id", &|o, c, l| {
            let ev = core::mem::MaybeUninit::<livesign_huawei_event>::zeroed();
            // SAFETY: as above; the id is `///0/`.
            unsafe { livesign_huawei_replay_id(ev.as_ptr(), o, c, l) }
        }),
    ];
    for (name, f) in cases {
        let (st, needed, _) = write_var(0, f);
        assert_eq!(st, LIVESIGN_BUFFER_TOO_SMALL, "{name}");
        for cap in [1, needed / 2, needed - 1] {
            let (st, len, buf) = write_var(cap, f);
            assert_eq!((st, len), (LIVESIGN_BUFFER_TOO_SMALL, needed), "{name} cap {cap}");
            assert!(buf.iter().all(|&b| b == 0xAA), "{name} wrote into a buffer of {cap}");
        }
        let (st, len, buf) = write_var(needed, f);
        assert_eq!((st, len), (LIVESIGN_OK, needed), "{name}");
        assert!(buf.iter().all(|&b| b != 0xAA), "{name} wrote {needed} bytes");
    }
}

/// Every function with a variable-size output is in one of the two tests above.
#[test]
fn every_variable_output_is_checked_for_short_buffers() {
    let header = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/include/livesign.h")).unwrap();
    let this = std::fs::read_to_string(file!()).unwrap();
    for decl in header.split(';').filter(|d| d.contains("size_t *out_len")) {
        let name = decl.split("livesign_status livesign_").nth(1).and_then(|s| s.split('(').next()).unwrap();
        assert!(this.contains(&format!("(\"{name}\", &|o, c, l|")), "{name}: no short-buffer case");
    }
}

/// Fixed-size outputs are written "only on `LIVESIGN_OK`".
#[test]
fn fixed_outputs_are_untouched_on_failure() {
    let mut out = [0xAAu8; 64];
    // SAFETY: NULL keys have length 0; out holds 64 bytes, more than any of these writes.
    let statuses = unsafe {
        [
            livesign_tencent_sign(null(), 0, 1, out.as_mut_ptr()),
            livesign_alibaba_callback_sign(null(), 0, null(), 0, 1, out.as_mut_ptr()),
            livesign_huawei_sign(KEY32.as_ptr(), 31, null(), 0, null(), 0, null(), 0, null(), 0, 1, out.as_mut_ptr()),
            livesign_huawei_record_md5_sign(KEY32.as_ptr(), 31, 1, out.as_mut_ptr()),
            livesign_huawei_sparkrtc_sign(
                null(),
                0,
                null(),
                0,
                b"1700000000".as_ptr(),
                10,
                null(),
                0,
                out.as_mut_ptr(),
            ),
            livesign_tencent_url_secret(b"k".as_ptr(), 1, b"s".as_ptr(), 1, b"0x".as_ptr(), 2, out.as_mut_ptr()),
            livesign_trtc_callback_sign(b"a-b".as_ptr(), 3, null(), 0, out.as_mut_ptr()),
        ]
    };
    for st in statuses {
        assert_ne!(st, LIVESIGN_OK);
    }
    assert_eq!(out, [0xAA; 64]);
}

/// `matched` receives an index "on `LIVESIGN_OK`" only.
#[test]
fn matched_is_untouched_on_failure() {
    let keys = [livesign_slice::of(HUAWEI_URL_KEY)];
    let url = b"/live/s?auth_key=1-0-0-00000000000000000000000000000000&txSecret=00000000000000000000000000000000&txTime=1&hwSecret=0&hwTime=1";
    let mut m = 77usize;
    // SAFETY: keys and url are valid for their lengths; m is writable.
    let statuses = unsafe {
        [
            livesign_alibaba_url_a_verify(keys.as_ptr(), 1, url.as_ptr(), url.len(), 0, 0, 0, &mut m),
            livesign_huawei_url_a_verify(keys.as_ptr(), 1, url.as_ptr(), url.len(), 0, 0, 60, 0, &mut m),
            livesign_huawei_url_b_verify(keys.as_ptr(), 1, b"s".as_ptr(), 1, url.as_ptr(), url.len(), 0, 60, 0, &mut m),
            livesign_huawei_url_d_verify(keys.as_ptr(), 1, b"s".as_ptr(), 1, url.as_ptr(), url.len(), 0, 60, 0, &mut m),
            livesign_tencent_url_verify(keys.as_ptr(), 1, url.as_ptr(), url.len(), 0, 0, 0, &mut m, null_mut()),
            livesign_trtc_callback_verify_ring(keys.as_ptr(), 1, null(), 0, b"x".as_ptr(), 1, &mut m),
        ]
    };
    for st in statuses {
        assert!(matches!(st, LIVESIGN_MALFORMED | LIVESIGN_SIGNATURE_MISMATCH | LIVESIGN_INVALID_KEY), "{st:?}");
    }
    assert_eq!(m, 77);
}

/// `livesign_tencent_url_build_len` is "the exact length of the URL
/// `livesign_tencent_url_build` writes", and 0 for an unknown kind or an expiry that is not 8
/// hex digits (too early or too late).
#[test]
fn tencent_url_build_len_is_what_the_builder_needs() {
    let id = [b'a'; livesign::ffi::limits::LIVESIGN_MAX_ID_LEN];
    let host = longest_host();
    let inputs: [(&[u8], &[u8], &[u8]); 3] =
        [(b"h", b"live", b"s"), (b"example.com:8080", b"a/b", b"x.y"), (host.as_bytes(), &id, &id)];
    for kind in 0..=5u32 {
        for (d, a, s) in inputs {
            for e in [0u64, 1, 15, 16, 0x0FFF_FFFF, 0x1000_0000, 0x5C27_1099, 0xFFFF_FFFF, 1 << 32] {
                let want = livesign_tencent_url_build_len(kind, d.len(), a.len(), s.len(), e);
                // SAFETY: inputs valid for their lengths; (o, c, l) from write_var.
                let (st, len, _) = write_var(0, |o, c, l| unsafe {
                    livesign_tencent_url_build(
                        kind,
                        d.as_ptr(),
                        d.len(),
                        a.as_ptr(),
                        a.len(),
                        s.as_ptr(),
                        s.len(),
                        b"k".as_ptr(),
                        1,
                        e,
                        o,
                        c,
                        l,
                    )
                });
                if st == LIVESIGN_BUFFER_TOO_SMALL {
                    assert_eq!(len, want, "kind {kind}, expiry {e}");
                    assert!(len <= LIVESIGN_TENCENT_URL_MAX_LEN);
                } else {
                    assert_eq!((st, want), (LIVESIGN_INVALID_ARGUMENT, 0), "kind {kind}, expiry {e}");
                }
            }
        }
    }
}

/// `livesign_usersig_len` with 23 + identifier (numeric room) or 25 + identifier + room name
/// (string room) is the length `livesign_privmap_gen*` writes.
#[test]
fn usersig_len_sizes_private_map_keys() {
    for id in [&b"u"[..], &[b'a'; 256][..]] {
        let room = vec![b'r'; LIVESIGN_USERSIG_USERBUF_MAX_LEN - 25 - id.len()];
        // SAFETY: inputs valid for their lengths; (o, c, l) from write_var.
        let (st, len, _) = write_var(LIVESIGN_USERSIG_MAX_LEN, |o, c, l| unsafe {
            livesign_privmap_gen(
                1_400_000_000,
                b"k".as_ptr(),
                1,
                id.as_ptr(),
                id.len(),
                4_294_967_290,
                5,
                1,
                255,
                o,
                c,
                l,
            )
        });
        // SAFETY: id is valid for its length.
        let want =
            unsafe { livesign_usersig_len(1_400_000_000, id.as_ptr(), id.len(), 4_294_967_290, 5, 23 + id.len()) };
        assert_eq!((st, len), (LIVESIGN_OK, want));
        // SAFETY: as above.
        let (st, len, _) = write_var(LIVESIGN_USERSIG_MAX_LEN, |o, c, l| unsafe {
            livesign_privmap_gen_roomstr(
                1_400_000_000,
                b"k".as_ptr(),
                1,
                id.as_ptr(),
                id.len(),
                1,
                5,
                room.as_ptr(),
                room.len(),
                255,
                o,
                c,
                l,
            )
        });
        let userbuf_len = 25 + id.len() + room.len();
        // SAFETY: id is valid for its length.
        let want = unsafe { livesign_usersig_len(1_400_000_000, id.as_ptr(), id.len(), 1, 5, userbuf_len) };
        assert_eq!((st, len), (LIVESIGN_OK, want));
    }
}

/// `LIVESIGN_TRTC_REST_URL_MAX_LEN` is reached by the longest inputs the doc names.
#[test]
fn trtc_rest_url_max_len_is_reached() {
    let name = [b'a'; 256];
    let host = longest_host();
    let identifier = "é".repeat(128).into_bytes();
    let usersig = vec![b'A'; LIVESIGN_USERSIG_MAX_LEN];
    // SAFETY: inputs valid for their lengths; (o, c, l) from write_var.
    let (st, len, _) = write_var(0, |o, c, l| unsafe {
        livesign_trtc_rest_url(
            host.as_ptr(),
            host.len(),
            name.as_ptr(),
            256,
            name.as_ptr(),
            256,
            u64::MAX,
            identifier.as_ptr(),
            identifier.len(),
            usersig.as_ptr(),
            usersig.len(),
            u32::MAX,
            o,
            c,
            l,
        )
    });
    assert_eq!((st, len), (LIVESIGN_BUFFER_TOO_SMALL, LIVESIGN_TRTC_REST_URL_MAX_LEN));
}

/// `livesign_huawei_stream_apply` leaves `state` unchanged and sets `verdict` to 0 on failure.
#[test]
fn stream_apply_changes_nothing_on_failure() {
    let before = livesign_huawei_stream { publish_timestamp: 7, state: LIVESIGN_HUAWEI_STREAM_LIVE };
    // SAFETY: all-zero bytes are a valid event.
    let mut e: livesign_huawei_event = unsafe { core::mem::zeroed() };
    e.event = LIVESIGN_HUAWEI_EVENT_PUBLISH_DONE;
    e.publish_time = 9;
    for (valid, kind, want) in
        [(0, LIVESIGN_HUAWEI_EVENT_PUBLISH_DONE, LIVESIGN_MALFORMED), (1, 0, LIVESIGN_INVALID_ARGUMENT)]
    {
        e.publish_time_valid = valid;
        e.event = kind;
        let (mut state, mut verdict) = (before, 9u32);
        // SAFETY: all three point to live values.
        assert_eq!(unsafe { livesign_huawei_stream_apply(&mut state, &e, &mut verdict) }, want);
        assert_eq!((state, verdict), (before, LIVESIGN_HUAWEI_STREAM_UNSEEN));
    }
}

/// `callback_ts_ms` receives `CallbackTs` on `LIVESIGN_OK` and `LIVESIGN_EXPIRED`, 0 otherwise.
#[test]
fn check_time_reports_the_time_it_read() {
    let check = |body: &[u8]| {
        let mut ts = 5u64;
        // SAFETY: body is valid for its length; ts is writable.
        let st = unsafe { livesign_trtc_callback_check_time(body.as_ptr(), body.len(), 100, 1, &mut ts) };
        (st, ts)
    };
    assert_eq!(check(br#"{"CallbackTs":1000}"#), (LIVESIGN_EXPIRED, 1000));
    assert_eq!(check(br#"{"CallbackTs":-1}"#), (LIVESIGN_MALFORMED, 0));
}

/// `livesign_alibaba_callback_verify`'s order: argument errors (a NULL input with a length,
/// `domain` or `timestamp` not UTF-8 or over `LIVESIGN_MAX_ID_LEN`), then the key, then the
/// formats, then the signature, then the window; each pair of faults reports the earlier.
#[test]
fn alibaba_callback_verify_reports_in_the_documented_order() {
    const SIG: &[u8] = b"9e226fc2c250be266e3657e156f68c12";
    let verify = |key: &[u8], domain: &[u8], ts: &[u8], sig: Option<&[u8]>, now: u64| {
        let (s, s_len) = sig.map_or((null(), 32), |s| (s.as_ptr(), s.len()));
        // SAFETY: every non-NULL input is valid for its length.
        unsafe {
            livesign_alibaba_callback_verify(
                key.as_ptr(),
                key.len(),
                domain.as_ptr(),
                domain.len(),
                ts.as_ptr(),
                ts.len(),
                s,
                s_len,
                now,
                300,
            )
        }
    };
    let (key, domain, ts, now) = (&b"yourkey"[..], &b"learn.aliyundoc.com"[..], &b"1519375990"[..], 1_519_376_000);
    assert_eq!(verify(key, domain, ts, Some(SIG), now), LIVESIGN_OK);
    assert_eq!(verify(key, domain, ts, Some(&SIG.to_ascii_uppercase()), now), LIVESIGN_OK);
    let long = [b'1'; 257];
    for (ts, sig) in [(ts, None), (&long[..], Some(SIG)), (&b"\xff"[..], Some(SIG))] {
        assert_eq!(verify(b"", domain, ts, sig, now), LIVESIGN_INVALID_ARGUMENT);
    }
    assert_eq!(verify(b"", &[b'd'; 257], ts, Some(SIG), now), LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(verify(b"", domain, b"x", Some(b"x"), now), LIVESIGN_INVALID_KEY);
    assert_eq!(verify(&[b'k'; 1025], domain, b"x", Some(SIG), now), LIVESIGN_INVALID_KEY);
    // "Plain decimal": `0` or digits without a leading zero; the MD5 covers the text as sent.
    for bad_ts in [&b"01519375990"[..], b"+1519375990", b" 1519375990", b"", b"18446744073709551616"] {
        assert_eq!(verify(key, domain, bad_ts, Some(b"0"), now), LIVESIGN_MALFORMED, "{bad_ts:?}");
    }
    assert_eq!(verify(key, domain, ts, Some(&SIG[1..]), now), LIVESIGN_MALFORMED);
    let wrong = b"0e226fc2c250be266e3657e156f68c12";
    assert_eq!(verify(key, domain, ts, Some(wrong), now + 10_000), LIVESIGN_SIGNATURE_MISMATCH);
    assert_eq!(verify(key, domain, ts, Some(SIG), 1_519_375_990 + 301), LIVESIGN_EXPIRED);
    assert_eq!(verify(key, domain, ts, Some(SIG), 1_519_375_990 - 301), LIVESIGN_EXPIRED);
}

/// `livesign_huawei_record_verify`'s order: argument errors (a NULL input with a length, a
/// text over its limit), the key (32 bytes to `LIVESIGN_MAX_KEY_LEN`), the format of
/// `auth_timestamp` (10 digits) and `sign`, the signature, the expiry.
#[test]
fn huawei_record_verify_reports_in_the_documented_order() {
    const EVENT: &[u8] = b"RECORD_NEW_FILE_START";
    // A 10-digit auth_timestamp, as the HMACSHA256 sign type requires.
    const AT: u64 = 1_700_000_000;
    let mut good = [0u8; 64];
    // SAFETY: inputs valid for their lengths; good holds 64 bytes.
    let st = unsafe {
        livesign_huawei_record_sign(
            KEY32.as_ptr(),
            32,
            AT,
            EVENT.as_ptr(),
            EVENT.len(),
            b"d".as_ptr(),
            1,
            b"a".as_ptr(),
            1,
            b"s".as_ptr(),
            1,
            null(),
            0,
            b"p".as_ptr(),
            1,
            good.as_mut_ptr(),
        )
    };
    assert_eq!(st, LIVESIGN_OK);
    let verify_at = |at: u64, key: &[u8], play: &[u8], sign: Option<&[u8]>, now: u64| {
        let (s, s_len) = sign.map_or((null(), 64), |s| (s.as_ptr(), s.len()));
        // SAFETY: every non-NULL input is valid for its length.
        unsafe {
            livesign_huawei_record_verify(
                key.as_ptr(),
                key.len(),
                at,
                EVENT.as_ptr(),
                EVENT.len(),
                b"d".as_ptr(),
                1,
                b"a".as_ptr(),
                1,
                b"s".as_ptr(),
                1,
                null(),
                0,
                play.as_ptr(),
                play.len(),
                s,
                s_len,
                now,
                0,
            )
        }
    };
    let verify = |key: &[u8], play: &[u8], sign: Option<&[u8]>, now: u64| verify_at(AT, key, play, sign, now);
    assert_eq!(verify(KEY32, b"p", Some(&good), AT), LIVESIGN_OK);
    assert_eq!(verify(&KEY32[..31], b"p", None, AT), LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(verify(&KEY32[..31], &[b'p'; 8193], Some(&good), AT), LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(verify(&KEY32[..31], b"p", Some(b"zz"), AT), LIVESIGN_INVALID_KEY);
    assert_eq!(verify(&[b'k'; 1025], b"p", Some(b"zz"), AT), LIVESIGN_INVALID_KEY);
    assert_eq!(verify_at(100, &KEY32[..31], b"p", Some(&good), AT), LIVESIGN_INVALID_KEY, "the key before the time");
    assert_eq!(verify_at(100, KEY32, b"p", Some(&good), AT), LIVESIGN_MALFORMED, "not 10 digits");
    assert_eq!(verify(KEY32, b"q", Some(&good[1..]), AT + 1), LIVESIGN_MALFORMED);
    assert_eq!(verify(KEY32, b"q", Some(&good), AT + 1), LIVESIGN_SIGNATURE_MISMATCH);
    assert_eq!(verify(KEY32, b"p", Some(&good), AT + 1), LIVESIGN_EXPIRED);
}

/// `livesign_trtc_rest_url`: every argument error (the host rule included) before a UserSig
/// that is not Tencent base64, and that before the buffer; `*out_len` is 0 on both errors.
#[test]
fn trtc_rest_url_reports_in_the_documented_order() {
    let url = |host: &[u8], id: &[u8], sig: &[u8], cap: usize| {
        let host_ptr = if host.is_empty() { null() } else { host.as_ptr() };
        // SAFETY: inputs valid for their lengths; (o, c, l) from write_var.
        let (st, len, _) = write_var(cap, |o, c, l| unsafe {
            livesign_trtc_rest_url(
                host_ptr,
                host.len(),
                b"openim".as_ptr(),
                6,
                b"sendmsg".as_ptr(),
                7,
                1_400_000_000,
                id.as_ptr(),
                id.len(),
                sig.as_ptr(),
                sig.len(),
                1,
                o,
                c,
                l,
            )
        });
        (st, len)
    };
    assert_eq!(url(b"", b"admin", b"abcd", 256).0, LIVESIGN_OK);
    // The host: dot-separated labels of letters, digits and `-`, then an optional port 1-65535.
    for host in [&b"adminapisgp.im.qcloud.com"[..], b"localhost:8080", b"127.0.0.1:1", b"a-b.c:65535"] {
        assert_eq!(url(host, b"admin", b"abcd", 512).0, LIVESIGN_OK, "{host:?}");
    }
    for host in [&b"h..x"[..], b".h", b"h.", b"h:0", b"h:65536", b"h:080", b"h:", b"[::1]", b"h_x", b"u@h"] {
        assert_eq!(url(host, b"admin", b"abcd", 512), (LIVESIGN_INVALID_ARGUMENT, 0), "{host:?}");
    }
    assert_eq!(url(b"h..x", b"admin", b"ab!d", 512), (LIVESIGN_INVALID_ARGUMENT, 0));
    assert_eq!(url(b"", b"", b"ab!d", 512), (LIVESIGN_INVALID_ARGUMENT, 0));
    assert_eq!(url(b"", b"admin", &[b'!'; LIVESIGN_USERSIG_MAX_LEN + 1], 512), (LIVESIGN_INVALID_ARGUMENT, 0));
    assert_eq!(url(b"", b"admin", b"ab!d", 0), (LIVESIGN_MALFORMED, 0));
    assert_eq!(url(b"", b"admin", b"", 0), (LIVESIGN_MALFORMED, 0));
    let (st, needed) = url(b"", b"admin", b"abcd", 0);
    assert_eq!(
        (st, url(b"", b"admin", b"abcd", needed - 1)),
        (LIVESIGN_BUFFER_TOO_SMALL, (LIVESIGN_BUFFER_TOO_SMALL, needed))
    );
}

/// `livesign_tencent_callback_field`: a bad `name` (not UTF-8, too long) is an argument error
/// even in a body that does not parse; `*out` is `{NULL, 0}` on every failure and when absent.
#[test]
fn tencent_callback_field_reports_in_the_documented_order() {
    let field = |body: &[u8], name: &[u8]| {
        let mut out = livesign_slice::of(b"stale");
        // SAFETY: body and name are valid for their lengths; out is writable.
        let st =
            unsafe { livesign_tencent_callback_field(body.as_ptr(), body.len(), name.as_ptr(), name.len(), &mut out) };
        (st, out.ptr.is_null(), out.len)
    };
    assert_eq!(field(br#"{"node":"x"}"#, b"node"), (LIVESIGN_OK, false, 3));
    assert_eq!(field(br#"{"node":"x"}"#, b"t"), (LIVESIGN_OK, true, 0));
    assert_eq!(field(b"{", b"\xff"), (LIVESIGN_INVALID_ARGUMENT, true, 0));
    assert_eq!(field(b"{", &[b'n'; 257]), (LIVESIGN_INVALID_ARGUMENT, true, 0));
    let mut out = livesign_slice::of(b"stale");
    assert_eq!(
        // SAFETY: body is NULL with a length (refused before it is read); out is writable.
        unsafe { livesign_tencent_callback_field(null(), 1, b"\xff".as_ptr(), 1, &mut out) },
        LIVESIGN_INVALID_ARGUMENT
    );
    assert!(out.ptr.is_null() && out.len == 0);
    assert_eq!(field(br#"{"node":1,"\u006eode":2}"#, b"node"), (LIVESIGN_MALFORMED, true, 0));
    assert_eq!(field(b"[1]", b"node"), (LIVESIGN_MALFORMED, true, 0));
}

/// `livesign_privmap_gen_roomstr`: a NULL input with a length (`roomstr` too) and an identifier
/// that is not UTF-8 come before the key; the room name's own rules (empty, not ASCII, too
/// long), a non-ASCII identifier and the 32-bit fields after it; then the buffer.
#[test]
fn privmap_gen_roomstr_reports_in_the_documented_order() {
    let gen_ = |key: &[u8], id: &[u8], room: Option<&[u8]>, sdkappid: u64, cap: usize| {
        let (r, r_len) = room.map_or((null(), 3), |r| (r.as_ptr(), r.len()));
        // SAFETY: every non-NULL input is valid for its length; (o, c, l) from write_var.
        let (st, len, _) = write_var(cap, |o, c, l| unsafe {
            livesign_privmap_gen_roomstr(
                sdkappid,
                key.as_ptr(),
                key.len(),
                id.as_ptr(),
                id.len(),
                300,
                1_700_000_000,
                r,
                r_len,
                LIVESIGN_PRIVMAP_ALL,
                o,
                c,
                l,
            )
        });
        (st, len)
    };
    let (sdk, cap) = (1_400_000_000, LIVESIGN_USERSIG_MAX_LEN);
    assert_eq!(gen_(b"k", b"u", Some(b"r"), sdk, cap).0, LIVESIGN_OK);
    assert_eq!(gen_(b"", b"u", None, sdk, cap), (LIVESIGN_INVALID_ARGUMENT, 0));
    assert_eq!(gen_(b"", b"\xff", Some(b""), sdk, cap), (LIVESIGN_INVALID_ARGUMENT, 0));
    for (id, room, sdkappid) in [
        (&b"u"[..], &b""[..], sdk),
        (b"u", "é".as_bytes(), sdk),
        (b"u", &[b'r'; 999][..], sdk),
        ("é".as_bytes(), b"r", sdk),
        (b"u", b"r", 1 << 32),
    ] {
        assert_eq!(gen_(b"", id, Some(room), sdkappid, cap), (LIVESIGN_INVALID_KEY, 0));
        assert_eq!(gen_(b"k", id, Some(room), sdkappid, 0), (LIVESIGN_INVALID_ARGUMENT, 0));
    }
    // 25 + identifier + room name = 1024 bytes is the largest userbuf.
    assert_eq!(gen_(b"k", b"u", Some(&[b'r'; 998]), sdk, cap).0, LIVESIGN_OK);
    let (st, needed) = gen_(b"k", b"u", Some(b"r"), sdk, 0);
    assert_eq!(
        (st, gen_(b"k", b"u", Some(b"r"), sdk, needed - 1)),
        (LIVESIGN_BUFFER_TOO_SMALL, (LIVESIGN_BUFFER_TOO_SMALL, needed))
    );
}
