//! JNI exports of the TRTC / Chat REST and TRTC callback operations for `io.livesign.Trtc`.

use jni_sys::{JNIEnv, jbyteArray, jclass, jint, jintArray, jlong, jlongArray, jstring};

use super::{Env, INVALID_ARGUMENT, flat, ring, ro, rw, span, status, variable};
use crate::ffi::hmac_key::livesign_hmac_key;
use crate::ffi::slice::livesign_slice;
use crate::ffi::trtc_callback::*;
use crate::ffi::trtc_rest::*;

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTrtcRestUrl(
    env: *mut JNIEnv,
    _: jclass,
    host: jbyteArray,
    service: jbyteArray,
    command: jbyteArray,
    sdkappid: jlong,
    identifier: jbyteArray,
    usersig: jbyteArray,
    random: jint,
    out: jbyteArray,
    out_len: jintArray,
) -> jint {
    let env = Env(env);
    let mut len = 0;
    let arrays = [ro(host), ro(service), ro(command), ro(identifier), ro(usersig), rw(out)];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign (no JNI).
    let s = flat(unsafe {
        env.pin(arrays, |[(h, hl), (s, sl), (c, cl), (i, il), (u, ul), o]| {
            let (s, l) = variable(o, |o, oc, ol| {
                livesign_trtc_rest_url(h, hl, s, sl, c, cl, sdkappid as u64, i, il, u, ul, random as u32, o, oc, ol)
            });
            len = l;
            s
        })
    });
    // SAFETY: as above, the regions are closed.
    unsafe { env.set_int(out_len, len) };
    s
}

/// Fills `fields` with `[action_status, error_code, error_info offset, len, request_id offset, len]`.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTrtcResponseParse(
    env: *mut JNIEnv,
    _: jclass,
    body: jbyteArray,
    fields: jlongArray,
) -> jint {
    let env = Env(env);
    let mut values = [0 as jlong; 6];
    // SAFETY: JVM-provided env and array; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(body)], |[(b, bl)]| {
            let mut r = EMPTY_RESPONSE;
            let s = livesign_trtc_rest_response_parse(b, bl, &mut r);
            let [io, il] = span(b, r.error_info);
            let [qo, ql] = span(b, r.request_id);
            values = [r.action_status as jlong, r.error_code, io, il, qo, ql];
            status(s)
        })
    });
    // SAFETY: as above, the region is closed; Kotlin passes a long[6].
    unsafe { env.set_longs(fields, &values) };
    s
}

/// Fills `value_span` with the `(offset, len)` of the field's raw JSON text in `body`.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTrtcResponseField(
    env: *mut JNIEnv,
    _: jclass,
    body: jbyteArray,
    name: jbyteArray,
    value_span: jlongArray,
) -> jint {
    let env = Env(env);
    let mut values = [-1 as jlong, 0];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(body), ro(name)], |[(b, bl), (n, nl)]| {
            let mut v = livesign_slice::EMPTY;
            let s = livesign_trtc_rest_response_field(b, bl, n, nl, &mut v);
            values = span(b, v);
            status(s)
        })
    });
    // SAFETY: as above, the regions are closed; Kotlin passes a long[2].
    unsafe { env.set_longs(value_span, &values) };
    s
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTrtcErrorStr(
    env: *mut JNIEnv,
    _: jclass,
    code: jlong,
) -> jstring {
    // SAFETY: called by the JVM with its environment.
    unsafe { Env(env).string(livesign_trtc_rest_error_str(code)) }
}

#[unsafe(no_mangle)]
pub extern "system" fn Java_io_livesign_LiveSign_nativeTrtcErrorCategory(
    _: *mut JNIEnv,
    _: jclass,
    code: jlong,
) -> jint {
    livesign_trtc_rest_error_category(code) as jint
}

#[unsafe(no_mangle)]
pub extern "system" fn Java_io_livesign_LiveSign_nativeTrtcErrorRetry(_: *mut JNIEnv, _: jclass, code: jlong) -> jint {
    livesign_trtc_rest_error_retry(code) as jint
}

#[unsafe(no_mangle)]
pub extern "system" fn Java_io_livesign_LiveSign_nativeTrtcCallbackSignLen(_: *mut JNIEnv, _: jclass) -> jint {
    livesign_trtc_callback_sign_len() as jint
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTrtcCallbackKeyCheck(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
) -> jint {
    // SAFETY: JVM-provided env and array; the closure calls only livesign.
    flat(unsafe { Env(env).pin([ro(key)], |[(k, kl)]| status(livesign_trtc_callback_key_check(k, kl))) })
}

/// `key` is a raw key, or NULL with `handle` a loaded context (the keyed variant).
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTrtcCallbackSign(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    handle: jlong,
    body: jbyteArray,
    out: jbyteArray,
) -> jint {
    let env = Env(env);
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; out is checked to
    // hold LIVESIGN_TRTC_CALLBACK_SIGN_LEN bytes; handle is 0 or a live boxed context.
    flat(unsafe {
        env.pin([ro(key), ro(body), rw(out)], |[(k, kl), (b, bl), (o, ol)]| {
            if ol < livesign_trtc_callback_sign_len() {
                return INVALID_ARGUMENT;
            }
            if key.is_null() {
                status(livesign_trtc_callback_sign_keyed(handle as *const livesign_hmac_key, b, bl, o))
            } else {
                status(livesign_trtc_callback_sign(k, kl, b, bl, o))
            }
        })
    })
}

/// `key` is a raw key, or NULL with `handle` a loaded context (the keyed variant).
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTrtcCallbackVerify(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    handle: jlong,
    body: jbyteArray,
    sign: jbyteArray,
) -> jint {
    let env = Env(env);
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; handle is 0 or a
    // live boxed context.
    flat(unsafe {
        env.pin([ro(key), ro(body), ro(sign)], |[(k, kl), (b, bl), (s, sl)]| {
            if key.is_null() {
                status(livesign_trtc_callback_verify_keyed(handle as *const livesign_hmac_key, b, bl, s, sl))
            } else {
                status(livesign_trtc_callback_verify(k, kl, b, bl, s, sl))
            }
        })
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTrtcCallbackVerifyRing(
    env: *mut JNIEnv,
    _: jclass,
    joined_keys: jbyteArray,
    key_lens: jintArray,
    body: jbyteArray,
    sign: jbyteArray,
    matched: jintArray,
) -> jint {
    let env = Env(env);
    let mut index = 0usize;
    let arrays = [ro(joined_keys), ro(key_lens), ro(body), ro(sign)];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin(arrays, |[keys, lens, (b, bl), (s, sl)]| match ring(keys, lens) {
            Ok((ring, n)) => status(livesign_trtc_callback_verify_ring(ring.as_ptr(), n, b, bl, s, sl, &mut index)),
            Err(e) => e,
        })
    });
    // SAFETY: as above, the regions are closed.
    unsafe { env.set_int(matched, index as jint) };
    s
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTrtcCallbackCheckTime(
    env: *mut JNIEnv,
    _: jclass,
    body: jbyteArray,
    now: jlong,
    max_age_s: jint,
    callback_ts_ms: jlongArray,
) -> jint {
    let env = Env(env);
    let mut ts = 0u64;
    // SAFETY: JVM-provided env and array; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(body)], |[(b, bl)]| {
            status(livesign_trtc_callback_check_time(b, bl, now as u64, max_age_s as u32, &mut ts))
        })
    });
    // SAFETY: as above, the region is closed; Kotlin passes a long[1].
    unsafe { env.set_longs(callback_ts_ms, &[ts as jlong]) };
    s
}
