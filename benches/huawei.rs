//! Criterion benches for every Huawei Cloud Live operation through the C API (and
//! `livesign_json_unescape`): notifications (raw and loaded keys), ordering, event ids, URL
//! methods A, B and D, recording and SparkRTC callbacks.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
use livesign::ffi::huawei::*;
use livesign::ffi::huawei_record::*;
use livesign::ffi::huawei_url::*;
use livesign::ffi::json::livesign_json_unescape;
use livesign::ffi::slice::livesign_slice;

const KEY: &[u8] = b"0123456789abcdefghijklmnopqrstuvWXYZ";
const T: u64 = 1587954140;
const BODY: &[u8] = br#"{"domain":"push.example.com","app":"live","stream":"example_stream","user_args":"auth_info=yz1TG0PVN/5isfyrGrRj10gKPCWqSS2X02t6QsRrocH+mEq0gQ0g8k6KhalS84sQ+kDprFyqI0yajbYiFmUO8e45B7ryaS+MpJBlYkhwnuFLnRiKK/IXG7.33436b625354564f6e4d4d434f55&cdn=hw","client_ip":"100.111.*.*","node_ip":"112.11.*.*","publish_timestamp":"1587954134","event":"PUBLISH","auth_timestamp":1587954140,"auth_sign":"881453d45e1c4bdf4dbd4aeeeca4246805a575aa0d94d2319e19d17a1162c9bc"}"#;
const URL_KEY: &[u8] = b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enly";
const RAND: &[u8] = b"477b3bbc253f467b8def6711128c7bec";
const A_URL: &[u8] = b"rtmp://push.example.com/livetest/huawei1.flv?auth_key=1592639100-477b3bbc253f467b8def6711128c7bec-0-dd1b5ffa00cf26acec0c169ae1cfabea";
const B_URL: &[u8] =
    b"http://test-play.example.com/livetest/huawei1.flv?txSecret=5cdc845362c332a4ec3e09ac5d5571d6&txTime=5eed5888";
const D_URL: &[u8] = b"rtmp://push.example.com/livetest/huawei1?hwSecret=ce201856a0957413319e883c8ccae13602f01d3d91e21daf5161964cf708a6a8&hwTime=5eed5888";
const REC_KEY: &[u8] = b"abcdefghijklmnopqrstuvwxyz012345";
const REC_SIGN: &[u8] = b"c9f9000be42046a17e4934a9d005a207860869499ecb107742b8e6794f750f76";
const SPARK_KEY: &[u8] = b"sparkrtc-callback-key-0123456789";
const SPARK_BODY: &[u8] = b"{\"event\":\"record\"}";
const SPARK_SIG: &[u8] = b"f9f4a473c59739296d9892163bb61a04e27bbbf6a15d6d5441687e6d93ec585b";

fn ctx(key: &[u8]) -> livesign_hmac_key {
    let mut c = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
    // SAFETY: c is writable; key valid for its length.
    let _ = unsafe { livesign_hmac_key_init(c.as_mut_ptr(), key.as_ptr(), key.len()) };
    // SAFETY: initialised above.
    unsafe { c.assume_init() }
}

fn verified_event() -> livesign_huawei_event {
    let mut ev = core::mem::MaybeUninit::<livesign_huawei_event>::uninit();
    // SAFETY: all pointers are valid; the event is always written.
    unsafe {
        let _ = livesign_huawei_callback_verify(
            KEY.as_ptr(),
            KEY.len(),
            BODY.as_ptr(),
            BODY.len(),
            T,
            300,
            ev.as_mut_ptr(),
        );
        ev.assume_init()
    }
}

fn notifications(c: &mut Criterion) {
    let k = ctx(KEY);
    let (ev, d, a, s) = (b"PUBLISH", b"push.example.com", b"live", b"example_stream");
    let mut out = [0u8; 256];
    c.bench_function("huawei/sign", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_sign(
                KEY.as_ptr(),
                KEY.len(),
                ev.as_ptr(),
                7,
                d.as_ptr(),
                16,
                a.as_ptr(),
                4,
                s.as_ptr(),
                14,
                black_box(T),
                out.as_mut_ptr(),
            )
        })
    });
    c.bench_function("huawei/sign_keyed", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_sign_keyed(
                &k,
                ev.as_ptr(),
                7,
                d.as_ptr(),
                16,
                a.as_ptr(),
                4,
                s.as_ptr(),
                14,
                black_box(T),
                out.as_mut_ptr(),
            )
        })
    });
    let mut e = verified_event();
    c.bench_function("huawei/callback_verify", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_callback_verify(
                KEY.as_ptr(),
                KEY.len(),
                black_box(BODY).as_ptr(),
                BODY.len(),
                T,
                300,
                &mut e,
            )
        })
    });
    c.bench_function("huawei/callback_verify_keyed", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_callback_verify_keyed(&k, black_box(BODY).as_ptr(), BODY.len(), T, 300, &mut e)
        })
    });
    let e = verified_event();
    c.bench_function("huawei/stream_apply", |b| {
        b.iter(|| {
            let mut state = livesign_huawei_stream::default();
            let mut verdict = 0;
            // SAFETY: all pointers valid.
            unsafe { livesign_huawei_stream_apply(&mut state, black_box(&e), &mut verdict) }
        })
    });
    let mut len = 0usize;
    c.bench_function("huawei/event_id", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe { livesign_huawei_event_id(black_box(&e), out.as_mut_ptr(), out.len(), &mut len) })
    });
    c.bench_function("huawei/replay_id", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe { livesign_huawei_replay_id(black_box(&e), out.as_mut_ptr(), out.len(), &mut len) })
    });
    let escaped = br"auth_info\u003dyz1TG0PVN\/5isfyrGrRj10gKPCWqSS2X02t6QsRrocH+mEq0gQ0g8k6KhalS84sQ\u0026cdn\u003dhw";
    c.bench_function("huawei/json_unescape", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_json_unescape(black_box(escaped).as_ptr(), escaped.len(), out.as_mut_ptr(), out.len(), &mut len)
        })
    });
}

fn urls(c: &mut Criterion) {
    let ring = [livesign_slice::of(b"0ther0therOTHER0ther0therOTHER00"), livesign_slice::of(URL_KEY)];
    let ctxs = [ctx(b"0ther0therOTHER0ther0therOTHER00"), ctx(URL_KEY)];
    let mut out = [0u8; 256];
    let mut len = 0usize;
    let mut m = 0usize;
    let uri = b"/livetest/huawei1.flv";
    c.bench_function("huawei/url_a_build", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_url_a_build(
                URL_KEY.as_ptr(),
                32,
                uri.as_ptr(),
                uri.len(),
                black_box(1592639100),
                0,
                RAND.as_ptr(),
                32,
                b"0".as_ptr(),
                1,
                out.as_mut_ptr(),
                out.len(),
                &mut len,
            )
        })
    });
    c.bench_function("huawei/url_a_verify (2 keys)", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_url_a_verify(
                ring.as_ptr(),
                2,
                black_box(A_URL).as_ptr(),
                A_URL.len(),
                0,
                1592639100,
                1800,
                0,
                &mut m,
            )
        })
    });
    c.bench_function("huawei/url_b_build", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_url_b_build(
                URL_KEY.as_ptr(),
                32,
                b"huawei1".as_ptr(),
                7,
                black_box(0x5eed5888),
                out.as_mut_ptr(),
                out.len(),
                &mut len,
            )
        })
    });
    c.bench_function("huawei/url_b_verify (2 keys)", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_url_b_verify(
                ring.as_ptr(),
                2,
                b"huawei1".as_ptr(),
                7,
                black_box(B_URL).as_ptr(),
                B_URL.len(),
                0x5eed5888,
                1249,
                0,
                &mut m,
            )
        })
    });
    let k = &ctxs[1];
    c.bench_function("huawei/url_d_build", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_url_d_build(
                URL_KEY.as_ptr(),
                32,
                b"huawei1".as_ptr(),
                7,
                black_box(0x5eed5888),
                out.as_mut_ptr(),
                out.len(),
                &mut len,
            )
        })
    });
    c.bench_function("huawei/url_d_build_keyed", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_url_d_build_keyed(
                k,
                b"huawei1".as_ptr(),
                7,
                black_box(0x5eed5888),
                out.as_mut_ptr(),
                out.len(),
                &mut len,
            )
        })
    });
    c.bench_function("huawei/url_d_verify (2 keys)", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_url_d_verify(
                ring.as_ptr(),
                2,
                b"huawei1".as_ptr(),
                7,
                black_box(D_URL).as_ptr(),
                D_URL.len(),
                0x5eed5888,
                1800,
                0,
                &mut m,
            )
        })
    });
    c.bench_function("huawei/url_d_verify_keyed (2 keys)", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_url_d_verify_keyed(
                ctxs.as_ptr(),
                2,
                b"huawei1".as_ptr(),
                7,
                black_box(D_URL).as_ptr(),
                D_URL.len(),
                0x5eed5888,
                1800,
                0,
                &mut m,
            )
        })
    });
}

fn callbacks(c: &mut Criterion) {
    let rk = ctx(REC_KEY);
    let sk = ctx(SPARK_KEY);
    let (e, d, a, s) = (b"RECORD_FILE_COMPLETE", b"push.example.com", b"live", b"mystream");
    let dl = b"https://bucket.obs.example.com/live/mystream/1700000000.m3u8";
    let pl = b"https://play.example.com/live/mystream/1700000000.m3u8";
    let t = 1700000000u64;
    let mut out = [0u8; 64];
    c.bench_function("huawei/record_sign", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_record_sign(
                REC_KEY.as_ptr(),
                32,
                black_box(t),
                e.as_ptr(),
                e.len(),
                d.as_ptr(),
                d.len(),
                a.as_ptr(),
                a.len(),
                s.as_ptr(),
                s.len(),
                dl.as_ptr(),
                dl.len(),
                pl.as_ptr(),
                pl.len(),
                out.as_mut_ptr(),
            )
        })
    });
    c.bench_function("huawei/record_sign_keyed", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_record_sign_keyed(
                &rk,
                black_box(t),
                e.as_ptr(),
                e.len(),
                d.as_ptr(),
                d.len(),
                a.as_ptr(),
                a.len(),
                s.as_ptr(),
                s.len(),
                dl.as_ptr(),
                dl.len(),
                pl.as_ptr(),
                pl.len(),
                out.as_mut_ptr(),
            )
        })
    });
    c.bench_function("huawei/record_verify", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_record_verify(
                REC_KEY.as_ptr(),
                32,
                black_box(t),
                e.as_ptr(),
                e.len(),
                d.as_ptr(),
                d.len(),
                a.as_ptr(),
                a.len(),
                s.as_ptr(),
                s.len(),
                dl.as_ptr(),
                dl.len(),
                pl.as_ptr(),
                pl.len(),
                REC_SIGN.as_ptr(),
                64,
                t,
                300,
            )
        })
    });
    c.bench_function("huawei/record_verify_keyed", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_record_verify_keyed(
                &rk,
                black_box(t),
                e.as_ptr(),
                e.len(),
                d.as_ptr(),
                d.len(),
                a.as_ptr(),
                a.len(),
                s.as_ptr(),
                s.len(),
                dl.as_ptr(),
                dl.len(),
                pl.as_ptr(),
                pl.len(),
                REC_SIGN.as_ptr(),
                64,
                t,
                300,
            )
        })
    });
    c.bench_function("huawei/record_md5_sign", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe { livesign_huawei_record_md5_sign(REC_KEY.as_ptr(), 32, black_box(t), out.as_mut_ptr()) })
    });
    let md5 = b"61ce739aaac2390ef2d17ddac72beff0";
    c.bench_function("huawei/record_md5_verify", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_record_md5_verify(REC_KEY.as_ptr(), 32, black_box(t), md5.as_ptr(), 32, t, 300)
        })
    });
    let (r, ts) = (b"8f1c2b", b"1700000000");
    c.bench_function("huawei/sparkrtc_sign", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_sparkrtc_sign(
                SPARK_KEY.as_ptr(),
                32,
                r.as_ptr(),
                6,
                ts.as_ptr(),
                10,
                black_box(SPARK_BODY).as_ptr(),
                SPARK_BODY.len(),
                out.as_mut_ptr(),
            )
        })
    });
    c.bench_function("huawei/sparkrtc_sign_keyed", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_sparkrtc_sign_keyed(
                &sk,
                r.as_ptr(),
                6,
                ts.as_ptr(),
                10,
                black_box(SPARK_BODY).as_ptr(),
                SPARK_BODY.len(),
                out.as_mut_ptr(),
            )
        })
    });
    c.bench_function("huawei/sparkrtc_verify", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_sparkrtc_verify(
                SPARK_KEY.as_ptr(),
                32,
                r.as_ptr(),
                6,
                ts.as_ptr(),
                10,
                black_box(SPARK_BODY).as_ptr(),
                SPARK_BODY.len(),
                SPARK_SIG.as_ptr(),
                64,
                t,
                300,
            )
        })
    });
    c.bench_function("huawei/sparkrtc_verify_unit_keyed", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_sparkrtc_verify_unit_keyed(
                &sk,
                r.as_ptr(),
                6,
                ts.as_ptr(),
                10,
                black_box(SPARK_BODY).as_ptr(),
                SPARK_BODY.len(),
                SPARK_SIG.as_ptr(),
                64,
                LIVESIGN_HUAWEI_SPARKRTC_UNIT_SECONDS,
                t,
                300,
            )
        })
    });
    c.bench_function("huawei/sparkrtc_verify_unit", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_sparkrtc_verify_unit(
                SPARK_KEY.as_ptr(),
                32,
                r.as_ptr(),
                6,
                ts.as_ptr(),
                10,
                black_box(SPARK_BODY).as_ptr(),
                SPARK_BODY.len(),
                SPARK_SIG.as_ptr(),
                64,
                LIVESIGN_HUAWEI_SPARKRTC_UNIT_SECONDS,
                t,
                300,
            )
        })
    });
    c.bench_function("huawei/sparkrtc_verify_keyed", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_huawei_sparkrtc_verify_keyed(
                &sk,
                r.as_ptr(),
                6,
                ts.as_ptr(),
                10,
                black_box(SPARK_BODY).as_ptr(),
                SPARK_BODY.len(),
                SPARK_SIG.as_ptr(),
                64,
                t,
                300,
            )
        })
    });
}

criterion_group!(benches, notifications, urls, callbacks);
criterion_main!(benches);
