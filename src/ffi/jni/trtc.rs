//! JNI exports of the TRTC / Chat operations for `io.livesign.Trtc`: UserSig and
//! PrivateMapKey, the REST API and TRTC callbacks.
//!
//! Where an operation has a `_keyed` twin, one export serves both: `key` is the raw key, or
//! NULL with `handle` a loaded context (`io.livesign.HmacKey`).

use jni_sys::{JNIEnv, jbyteArray, jclass, jint, jintArray, jlong, jlongArray, jstring};

use super::{
    Env, INVALID_ARGUMENT, Pinned, copy_out, credential_time, field_span, flat, ring, ro, rw, seconds, span, status,
    variable, with_contexts,
};
use crate::ffi::hmac_key::livesign_hmac_key;
use crate::ffi::trtc::*;
use crate::ffi::trtc_callback::*;
use crate::ffi::trtc_rest::*;

#[unsafe(no_mangle)]
pub extern "system" fn Java_io_livesign_LiveSign_nativeUsersigMaxLen(_: *mut JNIEnv, _: jclass) -> jint {
    livesign_usersig_max_len() as jint
}

/// `livesign_usersig_len`; a negative `userbuf_len` counts as too long (0), and so does a
/// negative `expire_s` or `now` (see `credential_time`).
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeUsersigLen(
    env: *mut JNIEnv,
    _: jclass,
    sdkappid: jlong,
    identifier: jbyteArray,
    expire_s: jlong,
    now: jlong,
    userbuf_len: jint,
) -> jint {
    let ul = usize::try_from(userbuf_len).unwrap_or(usize::MAX);
    let (Ok(expire_s), Ok(now)) = (credential_time(expire_s), credential_time(now)) else {
        return 0;
    };
    // SAFETY: JVM-provided env and array; the closure calls only livesign.
    let len = unsafe {
        Env(env).pin([ro(identifier)], |[(i, il)]| livesign_usersig_len(sdkappid as u64, i, il, expire_s, now, ul))
    };
    // A failed pin (OutOfMemoryError pending) reports no size.
    jint::try_from(len.unwrap_or(0)).unwrap_or(0)
}

/// `livesign_usersig_gen` (or `_keyed`); `userbuf` NULL or empty: none.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeUsersigGen(
    env: *mut JNIEnv,
    _: jclass,
    sdkappid: jlong,
    key: jbyteArray,
    handle: jlong,
    identifier: jbyteArray,
    expire_s: jlong,
    now: jlong,
    userbuf: jbyteArray,
    out: jbyteArray,
    out_len: jintArray,
) -> jint {
    let (Ok(exp), Ok(now)) = (credential_time(expire_s), credential_time(now)) else {
        return INVALID_ARGUMENT;
    };
    let env = Env(env);
    let mut len = 0;
    let arrays = [ro(key), ro(identifier), ro(userbuf), rw(out)];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; handle is 0 or a
    // live boxed context.
    let s = flat(unsafe {
        env.pin(arrays, |[(k, kl), (i, il), (u, ul), o]| {
            let app = sdkappid as u64;
            let (s, l) = variable(o, |o, oc, ol| {
                if key.is_null() {
                    let ctx = handle as *const livesign_hmac_key;
                    livesign_usersig_gen_keyed(app, ctx, i, il, exp, now, u, ul, o, oc, ol)
                } else {
                    livesign_usersig_gen(app, k, kl, i, il, exp, now, u, ul, o, oc, ol)
                }
            });
            len = l;
            s
        })
    });
    // SAFETY: as above, the regions are closed.
    unsafe { env.set_int(out_len, len) };
    s
}

/// The longs `nativeUsersigVerify` and `nativeUsersigInspect` write: `[sdkappid, time, expire,
/// expires_at, identifier_len, has_userbuf, userbuf_len]`.
const USERSIG_LONGS: usize = 7;

/// Hands a `livesign_usersig_info` to Kotlin: its numbers, and its identifier and userbuf
/// bytes copied into the pinned outputs. `Err(LIVESIGN_INVALID_ARGUMENT)` when an output is
/// too small for them.
///
/// # Safety
/// `identifier` and `userbuf` are pinned writable byte[]s.
unsafe fn usersig_info_out(
    info: &livesign_usersig_info,
    identifier: Pinned,
    userbuf: Pinned,
) -> Result<[jlong; USERSIG_LONGS], jint> {
    let id = info.identifier.get(..info.identifier_len).unwrap_or_default();
    let buf = info.userbuf.get(..info.userbuf_len).unwrap_or_default();
    // SAFETY: pinned writable arrays (caller).
    if !unsafe { copy_out(identifier, id) && copy_out(userbuf, buf) } {
        return Err(INVALID_ARGUMENT);
    }
    Ok([
        info.sdkappid as jlong,
        info.time as jlong,
        info.expire as jlong,
        info.expires_at as jlong,
        id.len() as jlong,
        jlong::from(info.has_userbuf),
        buf.len() as jlong,
    ])
}

/// `livesign_usersig_verify` (or `_keyed`); fills `numbers` (see `USERSIG_LONGS`) and copies
/// the identifier and userbuf into `identifier_out` and `userbuf_out`.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeUsersigVerify(
    env: *mut JNIEnv,
    _: jclass,
    sdkappid: jlong,
    key: jbyteArray,
    handle: jlong,
    identifier: jbyteArray,
    usersig: jbyteArray,
    now: jlong,
    leeway_s: jint,
    numbers: jlongArray,
    identifier_out: jbyteArray,
    userbuf_out: jbyteArray,
) -> jint {
    let Ok(leeway_s) = seconds(leeway_s) else { return INVALID_ARGUMENT };
    let env = Env(env);
    let mut values = [0 as jlong; USERSIG_LONGS];
    let arrays = [ro(key), ro(identifier), ro(usersig), rw(identifier_out), rw(userbuf_out)];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; handle is 0 or a
    // live boxed context.
    let s = flat(unsafe {
        env.pin(arrays, |[(k, kl), (i, il), (u, ul), io, uo]| {
            let mut info = livesign_usersig_info::ZERO;
            let (app, now, leeway) = (sdkappid as u64, now as u64, leeway_s);
            let s = if key.is_null() {
                let ctx = handle as *const livesign_hmac_key;
                livesign_usersig_verify_keyed(app, ctx, i, il, u, ul, now, leeway, &mut info)
            } else {
                livesign_usersig_verify(app, k, kl, i, il, u, ul, now, leeway, &mut info)
            };
            match usersig_info_out(&info, io, uo) {
                Ok(v) => {
                    values = v;
                    status(s)
                }
                Err(e) => e,
            }
        })
    });
    // SAFETY: as above, the regions are closed; Kotlin passes a long[USERSIG_LONGS].
    unsafe { env.set_longs(numbers, &values) };
    s
}

/// `livesign_usersig_inspect`; outputs as for `nativeUsersigVerify`.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeUsersigInspect(
    env: *mut JNIEnv,
    _: jclass,
    usersig: jbyteArray,
    numbers: jlongArray,
    identifier_out: jbyteArray,
    userbuf_out: jbyteArray,
) -> jint {
    let env = Env(env);
    let mut values = [0 as jlong; USERSIG_LONGS];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(usersig), rw(identifier_out), rw(userbuf_out)], |[(u, ul), io, uo]| {
            let mut info = livesign_usersig_info::ZERO;
            let s = livesign_usersig_inspect(u, ul, &mut info);
            match usersig_info_out(&info, io, uo) {
                Ok(v) => {
                    values = v;
                    status(s)
                }
                Err(e) => e,
            }
        })
    });
    // SAFETY: as above, the regions are closed; Kotlin passes a long[USERSIG_LONGS].
    unsafe { env.set_longs(numbers, &values) };
    s
}

/// `livesign_privmap_gen*`: a numeric room `roomid` (0 to 2^32 - 1, else
/// `LIVESIGN_INVALID_ARGUMENT`) when `roomstr` is NULL, else the string room `roomstr`; the raw
/// key or, with `key` NULL, the loaded context `handle`.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativePrivmapGen(
    env: *mut JNIEnv,
    _: jclass,
    sdkappid: jlong,
    key: jbyteArray,
    handle: jlong,
    identifier: jbyteArray,
    expire_s: jlong,
    now: jlong,
    roomid: jlong,
    roomstr: jbyteArray,
    privileges: jint,
    out: jbyteArray,
    out_len: jintArray,
) -> jint {
    // A negative time is refused, not reinterpreted (as for the UserSig; see credential_time).
    let (Ok(exp), Ok(now)) = (credential_time(expire_s), credential_time(now)) else {
        return INVALID_ARGUMENT;
    };
    let env = Env(env);
    let mut len = 0;
    let arrays = [ro(key), ro(identifier), ro(roomstr), rw(out)];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; handle is 0 or a
    // live boxed context.
    let s = flat(unsafe {
        env.pin(arrays, |[(k, kl), (i, il), (r, rl), o]| {
            let (app, p) = (sdkappid as u64, privileges as u32);
            let ctx = handle as *const livesign_hmac_key;
            let room = match (roomstr.is_null(), u32::try_from(roomid)) {
                (true, Ok(id)) => Some(id),
                (true, Err(_)) => return INVALID_ARGUMENT,
                (false, _) => None,
            };
            let (s, l) = variable(o, |o, oc, ol| match (key.is_null(), room) {
                (false, Some(id)) => livesign_privmap_gen(app, k, kl, i, il, exp, now, id, p, o, oc, ol),
                (true, Some(id)) => livesign_privmap_gen_keyed(app, ctx, i, il, exp, now, id, p, o, oc, ol),
                (false, None) => livesign_privmap_gen_roomstr(app, k, kl, i, il, exp, now, r, rl, p, o, oc, ol),
                (true, None) => livesign_privmap_gen_roomstr_keyed(app, ctx, i, il, exp, now, r, rl, p, o, oc, ol),
            });
            len = l;
            s
        })
    });
    // SAFETY: as above, the regions are closed.
    unsafe { env.set_int(out_len, len) };
    s
}

/// `livesign_privmap_parse`; fills `fields` with `[identifier offset, len, sdkappid, roomid,
/// has_roomstr, roomstr offset, len, expires_at, privileges, account_type]` (offsets into
/// `userbuf`, -1: absent).
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativePrivmapParse(
    env: *mut JNIEnv,
    _: jclass,
    userbuf: jbyteArray,
    fields: jlongArray,
) -> jint {
    let env = Env(env);
    let mut values = [0 as jlong; 10];
    // SAFETY: JVM-provided env and array; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(userbuf)], |[(u, ul)]| {
            let mut p = livesign_privmap_info::ZERO;
            let s = livesign_privmap_parse(u, ul, &mut p);
            let [io, il] = span(u, p.identifier);
            let [so, sl] = span(u, p.roomstr);
            values = [
                io,
                il,
                jlong::from(p.sdkappid),
                jlong::from(p.roomid),
                jlong::from(p.has_roomstr),
                so,
                sl,
                jlong::from(p.expires_at),
                jlong::from(p.privileges),
                jlong::from(p.account_type),
            ];
            status(s)
        })
    });
    // SAFETY: as above, the region is closed; Kotlin passes a long[10].
    unsafe { env.set_longs(fields, &values) };
    s
}

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
    // SAFETY: called by the JVM with its environment and arrays.
    unsafe { field_span(env, body, name, value_span, livesign_trtc_rest_response_field) }
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

/// `livesign_trtc_callback_verify_ring_keyed` over the contexts of `handles` (see
/// `with_contexts`).
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTrtcCallbackVerifyRingKeyed(
    env: *mut JNIEnv,
    _: jclass,
    handles: jlongArray,
    body: jbyteArray,
    sign: jbyteArray,
    matched: jintArray,
) -> jint {
    let env = Env(env);
    let mut index = 0usize;
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; every non-zero
    // handle is a live boxed context.
    let s = flat(unsafe {
        env.pin([ro(handles), ro(body), ro(sign)], |[handles, (b, bl), (s, sl)]| {
            with_contexts(handles, |ring, n| {
                livesign_trtc_callback_verify_ring_keyed(ring, n, b, bl, s, sl, &mut index)
            })
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
    let Ok(max_age_s) = seconds(max_age_s) else { return INVALID_ARGUMENT };
    let env = Env(env);
    let mut ts = 0u64;
    // SAFETY: JVM-provided env and array; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(body)], |[(b, bl)]| {
            status(livesign_trtc_callback_check_time(b, bl, now as u64, max_age_s, &mut ts))
        })
    });
    // SAFETY: as above, the region is closed; Kotlin passes a long[1].
    unsafe { env.set_longs(callback_ts_ms, &[ts as jlong]) };
    s
}
