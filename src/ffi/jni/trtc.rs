//! JNI exports of the TRTC / Chat REST and TRTC callback operations for `io.livesign.Trtc`.

use jni_sys::{JNIEnv, jbyteArray, jclass, jint, jintArray, jlong, jlongArray, jstring};

use super::{Env, flat, span, status, variable, with_ring};
use crate::ffi::hmac_key::livesign_hmac_key;
use crate::ffi::slice::livesign_slice;
use crate::ffi::status::livesign_status;
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
    // SAFETY: JVM-provided env and arrays; the closures call only livesign (no JNI).
    flat(unsafe {
        env.borrow(host, false, |h, hl| {
            env.borrow(service, false, |s, sl| {
                env.borrow(command, false, |c, cl| {
                    env.borrow(identifier, false, |i, il| {
                        env.borrow(usersig, false, |u, ul| {
                            variable(&env, out, out_len, |o, oc, ol| {
                                livesign_trtc_rest_url(
                                    h,
                                    hl,
                                    s,
                                    sl,
                                    c,
                                    cl,
                                    sdkappid as u64,
                                    i,
                                    il,
                                    u,
                                    ul,
                                    random as u32,
                                    o,
                                    oc,
                                    ol,
                                )
                            })
                        })
                    })
                })
            })
        })
        .and_then(|r| r.and_then(|r| r.and_then(|r| r.and_then(|r| r))))
    })
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
        env.borrow(body, false, |b, bl| {
            let mut r = EMPTY_RESPONSE;
            let s = livesign_trtc_rest_response_parse(b, bl, &mut r);
            let [io, il] = span(b, r.error_info);
            let [ro, rl] = span(b, r.request_id);
            values = [r.action_status as jlong, r.error_code, io, il, ro, rl];
            status(s)
        })
    });
    // SAFETY: as above; Kotlin passes a long[6].
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
    // SAFETY: JVM-provided env and arrays; the closures call only livesign.
    let s = flat(unsafe {
        env.borrow(body, false, |b, bl| {
            env.borrow(name, false, |n, nl| {
                let mut v = livesign_slice::EMPTY;
                let s = livesign_trtc_rest_response_field(b, bl, n, nl, &mut v);
                values = span(b, v);
                status(s)
            })
        })
        .and_then(|r| r)
    });
    // SAFETY: as above; Kotlin passes a long[2].
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
    flat(unsafe { Env(env).borrow(key, false, |k, kl| status(livesign_trtc_callback_key_check(k, kl))) })
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
    // SAFETY: JVM-provided env and arrays; the closures call only livesign; out is checked to
    // hold LIVESIGN_TRTC_CALLBACK_SIGN_LEN bytes; handle is 0 or a live boxed context.
    flat(unsafe {
        env.borrow(key, false, |k, kl| {
            env.borrow(body, false, |b, bl| {
                env.borrow(out, true, |o, ol| {
                    if ol < livesign_trtc_callback_sign_len() {
                        return status(livesign_status::LIVESIGN_INVALID_ARGUMENT);
                    }
                    if key.is_null() {
                        status(livesign_trtc_callback_sign_keyed(handle as *const livesign_hmac_key, b, bl, o))
                    } else {
                        status(livesign_trtc_callback_sign(k, kl, b, bl, o))
                    }
                })
            })
        })
        .and_then(|r| r.and_then(|r| r))
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
    // SAFETY: JVM-provided env and arrays; the closures call only livesign; handle is 0 or a
    // live boxed context.
    flat(unsafe {
        env.borrow(key, false, |k, kl| {
            env.borrow(body, false, |b, bl| {
                env.borrow(sign, false, |s, sl| {
                    if key.is_null() {
                        status(livesign_trtc_callback_verify_keyed(handle as *const livesign_hmac_key, b, bl, s, sl))
                    } else {
                        status(livesign_trtc_callback_verify(k, kl, b, bl, s, sl))
                    }
                })
            })
        })
        .and_then(|r| r.and_then(|r| r))
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
    // SAFETY: JVM-provided env and arrays; the closures call only livesign.
    let s = unsafe {
        with_ring(&env, joined_keys, key_lens, |ring, n| {
            flat(
                env.borrow(body, false, |b, bl| {
                    env.borrow(sign, false, |s, sl| {
                        status(livesign_trtc_callback_verify_ring(ring, n, b, bl, s, sl, &mut index))
                    })
                })
                .and_then(|r| r),
            )
        })
    };
    // SAFETY: as above.
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
        env.borrow(body, false, |b, bl| {
            status(livesign_trtc_callback_check_time(b, bl, now as u64, max_age_s as u32, &mut ts))
        })
    });
    // SAFETY: as above; Kotlin passes a long[1].
    unsafe { env.set_longs(callback_ts_ms, &[ts as jlong]) };
    s
}
