//! Criterion benches for TLSSigAPIv2 UserSig and PrivateMapKey, through the safe API and
//! every C export. Targets (a later issue measures them): keyed generation <= 500 ns,
//! verification of a Python-made (fixed-Huffman) token <= 800 ns.

use std::hint::black_box;
use std::mem::MaybeUninit;

use criterion::{Criterion, criterion_group, criterion_main};
use livesign::HmacKey;
use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
use livesign::ffi::status::livesign_status;
use livesign::ffi::trtc::*;
use livesign::trtc::{self, Room};

const KEY: &[u8] = b"5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
const APP: u64 = 1400000000;
const ID: &[u8] = b"xiaojun";
const T: u64 = 1700000000;
const EXPIRE: u64 = 15552000;
/// A token of the shared vectors, by case and implementation.
fn vector(case: &str, imp: &str) -> String {
    let doc: serde_json::Value = serde_json::from_str(include_str!("../tests/vectors/usersig.json")).unwrap();
    let v = doc["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["case"].as_str().unwrap().starts_with(case) && v["impl"] == imp);
    v.unwrap()["usersig"].as_str().unwrap().to_owned()
}

fn c_status(s: livesign_status) {
    assert_eq!(s, livesign_status::LIVESIGN_OK);
}

fn loaded_key() -> livesign_hmac_key {
    let mut ctx = MaybeUninit::<livesign_hmac_key>::uninit();
    // SAFETY: ctx is writable; KEY is valid for its length.
    c_status(unsafe { livesign_hmac_key_init(ctx.as_mut_ptr(), KEY.as_ptr(), KEY.len()) });
    // SAFETY: initialised by the successful call above.
    unsafe { ctx.assume_init() }
}

fn usersig(c: &mut Criterion) {
    let key = HmacKey::new(KEY).unwrap();
    let ctx = loaded_key();
    let id = std::str::from_utf8(ID).unwrap();
    let mut out = [0u8; LIVESIGN_USERSIG_MAX_LEN];
    let mut out_len = 0usize;

    c.bench_function("trtc/usersig_gen_keyed", |b| {
        b.iter(|| trtc::usersig_gen(&key, black_box(APP), black_box(id), EXPIRE, black_box(T), b"", &mut out))
    });
    c.bench_function("trtc/usersig_gen_userbuf_keyed", |b| {
        b.iter(|| trtc::usersig_gen(&key, black_box(APP), black_box(id), EXPIRE, black_box(T), b"abc", &mut out))
    });
    c.bench_function("trtc/c_usersig_gen", |b| {
        // SAFETY: every buffer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_usersig_gen(
                black_box(APP),
                KEY.as_ptr(),
                KEY.len(),
                ID.as_ptr(),
                ID.len(),
                EXPIRE,
                black_box(T),
                core::ptr::null(),
                0,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len,
            )
        })
    });
    c.bench_function("trtc/c_usersig_gen_keyed", |b| {
        // SAFETY: every buffer is valid for the length passed; ctx is loaded.
        b.iter(|| unsafe {
            livesign_usersig_gen_keyed(
                black_box(APP),
                &ctx,
                ID.as_ptr(),
                ID.len(),
                EXPIRE,
                black_box(T),
                core::ptr::null(),
                0,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len,
            )
        })
    });
    c.bench_function("trtc/c_usersig_len", |b| {
        // SAFETY: ID is valid for its length.
        b.iter(|| unsafe { livesign_usersig_len(black_box(APP), ID.as_ptr(), ID.len(), EXPIRE, black_box(T), 0) })
    });

    // c1 (the same claims) from Python and C++ (fixed Huffman) and Go (stored); c7 from Node
    // (dynamic Huffman, with a userbuf).
    let python = vector("c1_", "python");
    for (name, token) in [
        ("python_fixed", python.clone()),
        ("cpp_fixed", vector("c1_", "cpp")),
        ("go_stored", vector("c1_", "go")),
        ("node_dynamic", vector("c7_", "node")),
    ] {
        let now = if name == "node_dynamic" { T + 1 } else { T };
        assert!(trtc::usersig_verify(&key, APP, id, token.as_bytes(), now, 0).is_ok(), "{name}");
        c.bench_function(&format!("trtc/usersig_verify_keyed/{name}"), |b| {
            b.iter(|| trtc::usersig_verify(&key, black_box(APP), id, black_box(token.as_bytes()), now, 0))
        });
    }
    c.bench_function("trtc/usersig_inspect/python_fixed", |b| {
        b.iter(|| trtc::usersig_inspect(black_box(python.as_bytes())))
    });
    let mut info = MaybeUninit::<livesign_usersig_info>::uninit();
    c.bench_function("trtc/c_usersig_verify/python_fixed", |b| {
        // SAFETY: every buffer is valid for the length passed; info is writable.
        b.iter(|| unsafe {
            livesign_usersig_verify(
                black_box(APP),
                KEY.as_ptr(),
                KEY.len(),
                ID.as_ptr(),
                ID.len(),
                python.as_ptr(),
                python.len(),
                black_box(T),
                0,
                core::ptr::null_mut(),
            )
        })
    });
    c.bench_function("trtc/c_usersig_verify_keyed/python_fixed", |b| {
        // SAFETY: every buffer is valid for the length passed; ctx is loaded.
        b.iter(|| unsafe {
            livesign_usersig_verify_keyed(
                black_box(APP),
                &ctx,
                ID.as_ptr(),
                ID.len(),
                python.as_ptr(),
                python.len(),
                black_box(T),
                0,
                core::ptr::null_mut(),
            )
        })
    });
    c.bench_function("trtc/c_usersig_verify_keyed_info/python_fixed", |b| {
        // SAFETY: every buffer is valid for the length passed; ctx is loaded; info writable.
        b.iter(|| unsafe {
            livesign_usersig_verify_keyed(
                black_box(APP),
                &ctx,
                ID.as_ptr(),
                ID.len(),
                python.as_ptr(),
                python.len(),
                black_box(T),
                0,
                info.as_mut_ptr(),
            )
        })
    });
    c.bench_function("trtc/c_usersig_inspect/python_fixed", |b| {
        // SAFETY: python is valid for its length; info is writable.
        b.iter(|| unsafe { livesign_usersig_inspect(black_box(python.as_ptr()), python.len(), info.as_mut_ptr()) })
    });
}

/// The zlib reader alone, by the block type each official SDK writes: what verification spends
/// on decompression, apart from base64, JSON and HMAC.
fn inflate(c: &mut Criterion) {
    use livesign::fuzz_api::base64::{Alphabet, decode};
    use livesign::fuzz_api::zlib::{Rules, decompress};
    let mut doc = [0u8; 4096];
    for (name, token) in [
        ("python_fixed", vector("c1_", "python")),
        ("go_stored", vector("c1_", "go")),
        ("node_dynamic", vector("c7_", "node")),
    ] {
        let mut buf = [0u8; 1024];
        let zlib = decode(Alphabet::Tencent, token.as_bytes(), &mut buf).unwrap().to_vec();
        assert!(decompress(&zlib, &mut doc, Rules::Strict).is_ok(), "{name}");
        c.bench_function(&format!("trtc/inflate/{name}"), |b| {
            b.iter(|| decompress(black_box(&zlib), &mut doc, Rules::Strict))
        });
    }
}

fn privmap(c: &mut Criterion) {
    let key = HmacKey::new(KEY).unwrap();
    let ctx = loaded_key();
    let mut out = [0u8; LIVESIGN_USERSIG_MAX_LEN];
    let mut out_len = 0usize;
    let room = b"room-42_abc";
    c.bench_function("trtc/privmap_gen_keyed", |b| {
        b.iter(|| trtc::privmap_gen(&key, black_box(APP), "xiaojun", 300, black_box(T), Room::Id(10000), 255, &mut out))
    });
    c.bench_function("trtc/c_privmap_gen", |b| {
        // SAFETY: every buffer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_privmap_gen(
                black_box(APP),
                KEY.as_ptr(),
                KEY.len(),
                ID.as_ptr(),
                ID.len(),
                300,
                black_box(T),
                10000,
                LIVESIGN_PRIVMAP_ALL,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len,
            )
        })
    });
    c.bench_function("trtc/c_privmap_gen_keyed", |b| {
        // SAFETY: every buffer is valid for the length passed; ctx is loaded.
        b.iter(|| unsafe {
            livesign_privmap_gen_keyed(
                black_box(APP),
                &ctx,
                ID.as_ptr(),
                ID.len(),
                300,
                black_box(T),
                10000,
                LIVESIGN_PRIVMAP_ALL,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len,
            )
        })
    });
    c.bench_function("trtc/c_privmap_gen_roomstr", |b| {
        // SAFETY: every buffer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_privmap_gen_roomstr(
                black_box(APP),
                KEY.as_ptr(),
                KEY.len(),
                ID.as_ptr(),
                ID.len(),
                300,
                black_box(T),
                room.as_ptr(),
                room.len(),
                42,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len,
            )
        })
    });
    c.bench_function("trtc/c_privmap_gen_roomstr_keyed", |b| {
        // SAFETY: every buffer is valid for the length passed; ctx is loaded.
        b.iter(|| unsafe {
            livesign_privmap_gen_roomstr_keyed(
                black_box(APP),
                &ctx,
                ID.as_ptr(),
                ID.len(),
                300,
                black_box(T),
                room.as_ptr(),
                room.len(),
                42,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len,
            )
        })
    });
    let userbuf = [
        0x00, 0x00, 0x07, b'x', b'i', b'a', b'o', b'j', b'u', b'n', 0x53, 0x72, 0x4e, 0x00, 0x00, 0x00, 0x27, 0x10,
        0x65, 0x53, 0xf2, 0x2c, 0x00, 0x00, 0x00, 0xff, 0x00, 0x00, 0x00, 0x00,
    ];
    let mut parsed = MaybeUninit::<livesign_privmap_info>::uninit();
    c.bench_function("trtc/c_privmap_parse", |b| {
        // SAFETY: userbuf is valid for its length; parsed is writable.
        b.iter(|| unsafe { livesign_privmap_parse(black_box(userbuf.as_ptr()), userbuf.len(), parsed.as_mut_ptr()) })
    });
}

criterion_group!(benches, usersig, inflate, privmap);
criterion_main!(benches);
