//! JNI exports of the Huawei Cloud Live operations for `io.livesign.Huawei`: stream status
//! notifications (verify, ordering, event ids), URL validation methods A, B and D, recording and
//! SparkRTC callbacks.
//!
//! Where an operation has a `_keyed` twin, one export serves both: `key` is the raw key, or
//! NULL with `handle` a loaded context (`io.livesign.HmacKey`).

use jni_sys::{JNIEnv, jarray, jbyteArray, jclass, jint, jintArray, jlong, jlongArray};

use super::{
    Env, INVALID_ARGUMENT, Pinned, credential_time, flat, ring, ro, rw, seconds, span, status, variable, with_contexts,
};
use crate::ffi::hmac_key::livesign_hmac_key;
use crate::ffi::huawei::*;
use crate::ffi::huawei_record::*;
use crate::ffi::huawei_url::*;
use crate::ffi::slice::livesign_slice;
use crate::ffi::status::livesign_status;

/// The longs `nativeHuaweiCallbackVerify` writes and `nativeHuaweiEventId` reads: `[event,
/// escaped, (offset, len) of event_text, domain, app, stream, user_args, client_ip, node_ip,
/// publish_timestamp, publish_time, auth_timestamp, publish_time_valid]`, offsets into the
/// body (-1: absent).
const EVENT_LONGS: usize = 21;

fn event_longs(base: *const u8, e: &livesign_huawei_event) -> [jlong; EVENT_LONGS] {
    let texts = [e.event_text, e.domain, e.app, e.stream, e.user_args, e.client_ip, e.node_ip, e.publish_timestamp];
    let mut out = [0 as jlong; EVENT_LONGS];
    out[0] = jlong::from(e.event);
    out[1] = jlong::from(e.escaped);
    for (pair, s) in out[2..18].chunks_exact_mut(2).zip(texts) {
        pair.copy_from_slice(&span(base, s));
    }
    out[18] = e.publish_time as jlong;
    out[19] = e.auth_timestamp as jlong;
    out[20] = jlong::from(e.publish_time_valid);
    out
}

/// The event `nativeHuaweiCallbackVerify` described in `fields`, its views back into `body`.
/// `Err(LIVESIGN_INVALID_ARGUMENT)` for fields that are not `EVENT_LONGS` long or a span that
/// is not inside the body.
///
/// # Safety
/// `body` and `fields` are pinned arrays (a byte[] and a long[]).
unsafe fn event_of(body: Pinned, fields: Pinned) -> Result<livesign_huawei_event, jint> {
    let ((b, bl), (f, n)) = (body, fields);
    if n != EVENT_LONGS {
        return Err(INVALID_ARGUMENT);
    }
    // SAFETY: f points to EVENT_LONGS pinned jlongs (the JVM aligns long[] elements) and i < n.
    let at = |i: usize| unsafe { f.cast::<jlong>().add(i).read() };
    let text = |i: usize| -> Result<livesign_slice, jint> {
        let (offset, len) = (at(2 + 2 * i), at(3 + 2 * i));
        if offset == -1 {
            return Ok(livesign_slice::EMPTY);
        }
        let offset = usize::try_from(offset).map_err(|_| INVALID_ARGUMENT)?;
        let len = usize::try_from(len).map_err(|_| INVALID_ARGUMENT)?;
        offset.checked_add(len).filter(|&end| end <= bl).ok_or(INVALID_ARGUMENT)?;
        if b.is_null() {
            return Ok(livesign_slice::EMPTY);
        }
        // SAFETY: offset + len <= bl: inside (or just past the end of) the pinned body.
        Ok(livesign_slice { ptr: unsafe { b.add(offset) }, len })
    };
    Ok(livesign_huawei_event {
        event: at(0) as u32,
        escaped: at(1) as u32,
        event_text: text(0)?,
        domain: text(1)?,
        app: text(2)?,
        stream: text(3)?,
        user_args: text(4)?,
        client_ip: text(5)?,
        node_ip: text(6)?,
        publish_timestamp: text(7)?,
        publish_time: at(18) as u64,
        auth_timestamp: at(19) as u64,
        publish_time_valid: at(20) as u32,
    })
}

#[unsafe(no_mangle)]
pub extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiSignLen(_: *mut JNIEnv, _: jclass) -> jint {
    livesign_huawei_sign_len() as jint
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiSign(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    handle: jlong,
    event: jbyteArray,
    domain: jbyteArray,
    app: jbyteArray,
    stream: jbyteArray,
    auth_timestamp: jlong,
    out: jbyteArray,
) -> jint {
    let arrays = [ro(key), ro(event), ro(domain), ro(app), ro(stream), rw(out)];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; out is checked to
    // hold LIVESIGN_HUAWEI_SIGN_LEN bytes; handle is 0 or a live boxed context.
    flat(unsafe {
        Env(env).pin(arrays, |[(k, kl), (e, el), (d, dl), (a, al), (s, sl), (o, ol)]| {
            if ol < livesign_huawei_sign_len() {
                return INVALID_ARGUMENT;
            }
            let t = auth_timestamp as u64;
            status(if key.is_null() {
                livesign_huawei_sign_keyed(handle as *const livesign_hmac_key, e, el, d, dl, a, al, s, sl, t, o)
            } else {
                livesign_huawei_sign(k, kl, e, el, d, dl, a, al, s, sl, t, o)
            })
        })
    })
}

/// Fills `fields` with the event (see `EVENT_LONGS`).
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiCallbackVerify(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    handle: jlong,
    body: jbyteArray,
    now: jlong,
    leeway_s: jint,
    fields: jlongArray,
) -> jint {
    let Ok(leeway_s) = seconds(leeway_s) else { return INVALID_ARGUMENT };
    let env = Env(env);
    let mut values = [0 as jlong; EVENT_LONGS];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; handle is 0 or a
    // live boxed context.
    let s = flat(unsafe {
        env.pin([ro(key), ro(body)], |[(k, kl), (b, bl)]| {
            let mut e = core::mem::MaybeUninit::<livesign_huawei_event>::uninit();
            let (now, leeway) = (now as u64, leeway_s);
            let s = if key.is_null() {
                let ctx = handle as *const livesign_hmac_key;
                livesign_huawei_callback_verify_keyed(ctx, b, bl, now, leeway, e.as_mut_ptr())
            } else {
                livesign_huawei_callback_verify(k, kl, b, bl, now, leeway, e.as_mut_ptr())
            };
            // The verifier fills or zero-fills the event whatever the status.
            values = event_longs(b, &e.assume_init());
            status(s)
        })
    });
    // SAFETY: as above, the regions are closed; Kotlin passes a long[EVENT_LONGS].
    unsafe { env.set_longs(fields, &values) };
    s
}

/// `livesign_huawei_event_id` of the event `nativeHuaweiCallbackVerify` wrote to `fields` for
/// `body`.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiEventId(
    env: *mut JNIEnv,
    _: jclass,
    body: jbyteArray,
    fields: jlongArray,
    out: jbyteArray,
    out_len: jintArray,
) -> jint {
    // SAFETY: forwarded from the JVM.
    unsafe { id_of(env, body, fields, out, out_len, livesign_huawei_event_id) }
}

/// `livesign_huawei_replay_id`, as `nativeHuaweiEventId`.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiReplayId(
    env: *mut JNIEnv,
    _: jclass,
    body: jbyteArray,
    fields: jlongArray,
    out: jbyteArray,
    out_len: jintArray,
) -> jint {
    // SAFETY: forwarded from the JVM.
    unsafe { id_of(env, body, fields, out, out_len, livesign_huawei_replay_id) }
}

/// One of the ids of the event in `fields`, by `write` (`livesign_huawei_event_id` or
/// `livesign_huawei_replay_id`).
///
/// # Safety
/// A JVM-provided env and arrays, as the exports above receive them.
unsafe fn id_of(
    env: *mut JNIEnv,
    body: jbyteArray,
    fields: jlongArray,
    out: jbyteArray,
    out_len: jintArray,
    write: unsafe extern "C" fn(*const livesign_huawei_event, *mut u8, usize, *mut usize) -> livesign_status,
) -> jint {
    let env = Env(env);
    let mut len = 0;
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(body), ro(fields), rw(out)], |[b, f, o]| {
            let e = match event_of(b, f) {
                Ok(e) => e,
                Err(e) => return e,
            };
            let (s, l) = variable(o, |o, oc, ol| write(&e, o, oc, ol));
            len = l;
            s
        })
    });
    // SAFETY: as above, the regions are closed.
    unsafe { env.set_int(out_len, len) };
    s
}

/// `state` is `[publish_timestamp, state]`, updated on success; `verdict[0]` receives the
/// verdict. The event is given by the three fields `livesign_huawei_stream_apply` reads.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiStreamApply(
    env: *mut JNIEnv,
    _: jclass,
    state: jlongArray,
    event: jint,
    publish_time: jlong,
    publish_time_valid: jint,
    verdict: jintArray,
) -> jint {
    let env = Env(env);
    let mut out = 0u32;
    let mut after = None;
    // SAFETY: JVM-provided env and array; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(state)], |[(p, n)]| {
            if n != 2 {
                return INVALID_ARGUMENT;
            }
            // p points to 2 pinned jlongs.
            let (ts, st) = (p.cast::<jlong>().read(), p.cast::<jlong>().add(1).read());
            let mut stream =
                livesign_huawei_stream { publish_timestamp: ts as u64, state: u32::try_from(st).unwrap_or(u32::MAX) };
            let e = livesign_huawei_event {
                event: event as u32,
                publish_time: publish_time as u64,
                publish_time_valid: publish_time_valid as u32,
                ..EMPTY_EVENT
            };
            let s = livesign_huawei_stream_apply(&mut stream, &e, &mut out);
            if s == crate::ffi::status::livesign_status::LIVESIGN_OK {
                after = Some([stream.publish_timestamp as jlong, jlong::from(stream.state)]);
            }
            status(s)
        })
    });
    // SAFETY: as above, the region is closed; Kotlin passes a long[2] and an int[1].
    unsafe {
        if let Some(values) = after {
            env.set_longs(state, &values);
        }
        env.set_int(verdict, out as jint);
    }
    s
}

/// An event with no field (the ordering reads only the kind and the publish time).
const EMPTY_EVENT: livesign_huawei_event = livesign_huawei_event {
    event: 0,
    escaped: 0,
    event_text: livesign_slice::EMPTY,
    domain: livesign_slice::EMPTY,
    app: livesign_slice::EMPTY,
    stream: livesign_slice::EMPTY,
    user_args: livesign_slice::EMPTY,
    client_ip: livesign_slice::EMPTY,
    node_ip: livesign_slice::EMPTY,
    publish_timestamp: livesign_slice::EMPTY,
    publish_time: 0,
    auth_timestamp: 0,
    publish_time_valid: 0,
};

#[unsafe(no_mangle)]
pub extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiRecordMd5Len(_: *mut JNIEnv, _: jclass) -> jint {
    livesign_huawei_record_md5_len() as jint
}

/// `fields` = the six text fields (event_type, publish_domain, app, stream, download_url,
/// play_url) concatenated, `lens` their lengths.
///
/// # Safety
/// `text` and `lens` are pinned arrays (a byte[] and an int[]).
unsafe fn record_fields(text: Pinned, lens: Pinned) -> Result<[(*const u8, usize); 6], jint> {
    let ((t, tl), (l, n)) = (text, lens);
    if n != 6 {
        return Err(INVALID_ARGUMENT);
    }
    let mut out = [(core::ptr::null(), 0); 6];
    let mut offset = 0usize;
    for (i, slot) in out.iter_mut().enumerate() {
        // SAFETY: l points to 6 pinned jints and i < 6.
        let len = usize::try_from(unsafe { l.cast::<jint>().add(i).read() }).map_err(|_| INVALID_ARGUMENT)?;
        let end = offset.checked_add(len).filter(|&end| end <= tl).ok_or(INVALID_ARGUMENT)?;
        if len > 0 {
            // SAFETY: offset + len <= tl: inside the pinned text.
            *slot = (unsafe { t.add(offset) }.cast_const(), len);
        }
        offset = end;
    }
    Ok(out)
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiRecordSign(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    handle: jlong,
    auth_timestamp: jlong,
    text: jbyteArray,
    lens: jintArray,
    out: jbyteArray,
) -> jint {
    let Ok(t) = credential_time(auth_timestamp) else { return INVALID_ARGUMENT };
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; out is checked to
    // hold LIVESIGN_HUAWEI_SIGN_LEN bytes; handle is 0 or a live boxed context.
    flat(unsafe {
        Env(env).pin([ro(key), ro(text), ro(lens), rw(out)], |[(k, kl), text, lens, (o, ol)]| {
            if ol < livesign_huawei_sign_len() {
                return INVALID_ARGUMENT;
            }
            let [e, d, a, s, dl, pl] = match record_fields(text, lens) {
                Ok(f) => f,
                Err(e) => return e,
            };
            status(if key.is_null() {
                let ctx = handle as *const livesign_hmac_key;
                livesign_huawei_record_sign_keyed(
                    ctx, t, e.0, e.1, d.0, d.1, a.0, a.1, s.0, s.1, dl.0, dl.1, pl.0, pl.1, o,
                )
            } else {
                livesign_huawei_record_sign(k, kl, t, e.0, e.1, d.0, d.1, a.0, a.1, s.0, s.1, dl.0, dl.1, pl.0, pl.1, o)
            })
        })
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiRecordVerify(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    handle: jlong,
    auth_timestamp: jlong,
    text: jbyteArray,
    lens: jintArray,
    sign: jbyteArray,
    now: jlong,
    leeway_s: jint,
) -> jint {
    let Ok(leeway_s) = seconds(leeway_s) else { return INVALID_ARGUMENT };
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; handle is 0 or a
    // live boxed context.
    flat(unsafe {
        Env(env).pin([ro(key), ro(text), ro(lens), ro(sign)], |[(k, kl), text, lens, (g, gl)]| {
            let [e, d, a, s, dl, pl] = match record_fields(text, lens) {
                Ok(f) => f,
                Err(e) => return e,
            };
            let (t, now, leeway) = (auth_timestamp as u64, now as u64, leeway_s);
            status(if key.is_null() {
                let ctx = handle as *const livesign_hmac_key;
                livesign_huawei_record_verify_keyed(
                    ctx, t, e.0, e.1, d.0, d.1, a.0, a.1, s.0, s.1, dl.0, dl.1, pl.0, pl.1, g, gl, now, leeway,
                )
            } else {
                livesign_huawei_record_verify(
                    k, kl, t, e.0, e.1, d.0, d.1, a.0, a.1, s.0, s.1, dl.0, dl.1, pl.0, pl.1, g, gl, now, leeway,
                )
            })
        })
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiRecordMd5Sign(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    auth_timestamp: jlong,
    out: jbyteArray,
) -> jint {
    let Ok(auth_timestamp) = credential_time(auth_timestamp) else { return INVALID_ARGUMENT };
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; out is checked to
    // hold LIVESIGN_HUAWEI_RECORD_MD5_LEN bytes.
    flat(unsafe {
        Env(env).pin([ro(key), rw(out)], |[(k, kl), (o, ol)]| {
            if ol < livesign_huawei_record_md5_len() {
                return INVALID_ARGUMENT;
            }
            status(livesign_huawei_record_md5_sign(k, kl, auth_timestamp, o))
        })
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiRecordMd5Verify(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    auth_timestamp: jlong,
    sign: jbyteArray,
    now: jlong,
    leeway_s: jint,
) -> jint {
    let Ok(leeway_s) = seconds(leeway_s) else { return INVALID_ARGUMENT };
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    flat(unsafe {
        Env(env).pin([ro(key), ro(sign)], |[(k, kl), (s, sl)]| {
            status(livesign_huawei_record_md5_verify(k, kl, auth_timestamp as u64, s, sl, now as u64, leeway_s))
        })
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiSparkrtcSign(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    handle: jlong,
    rand: jbyteArray,
    timestamp: jbyteArray,
    body: jbyteArray,
    out: jbyteArray,
) -> jint {
    let arrays = [ro(key), ro(rand), ro(timestamp), ro(body), rw(out)];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; out is checked to
    // hold LIVESIGN_HUAWEI_SIGN_LEN bytes; handle is 0 or a live boxed context.
    flat(unsafe {
        Env(env).pin(arrays, |[(k, kl), (r, rl), (t, tl), (b, bl), (o, ol)]| {
            if ol < livesign_huawei_sign_len() {
                return INVALID_ARGUMENT;
            }
            status(if key.is_null() {
                livesign_huawei_sparkrtc_sign_keyed(handle as *const livesign_hmac_key, r, rl, t, tl, b, bl, o)
            } else {
                livesign_huawei_sparkrtc_sign(k, kl, r, rl, t, tl, b, bl, o)
            })
        })
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiSparkrtcVerify(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    handle: jlong,
    rand: jbyteArray,
    timestamp: jbyteArray,
    body: jbyteArray,
    signature: jbyteArray,
    unit: jint,
    now: jlong,
    leeway_s: jint,
) -> jint {
    let Ok(leeway_s) = seconds(leeway_s) else { return INVALID_ARGUMENT };
    let arrays = [ro(key), ro(rand), ro(timestamp), ro(body), ro(signature)];
    // A negative unit becomes a number no unit has: INVALID_ARGUMENT from livesign.
    let unit = unit as u32;
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; handle is 0 or a
    // live boxed context.
    flat(unsafe {
        Env(env).pin(arrays, |[(k, kl), (r, rl), (t, tl), (b, bl), (s, sl)]| {
            let (now, leeway) = (now as u64, leeway_s);
            let ctx = handle as *const livesign_hmac_key;
            // The unit read by length is what the unit-less functions do: the Kotlin wrapper
            // reaches every export through them.
            status(match (key.is_null(), unit == LIVESIGN_HUAWEI_SPARKRTC_UNIT_EITHER) {
                (true, true) => livesign_huawei_sparkrtc_verify_keyed(ctx, r, rl, t, tl, b, bl, s, sl, now, leeway),
                (false, true) => livesign_huawei_sparkrtc_verify(k, kl, r, rl, t, tl, b, bl, s, sl, now, leeway),
                (true, false) => {
                    livesign_huawei_sparkrtc_verify_unit_keyed(ctx, r, rl, t, tl, b, bl, s, sl, unit, now, leeway)
                }
                (false, false) => {
                    livesign_huawei_sparkrtc_verify_unit(k, kl, r, rl, t, tl, b, bl, s, sl, unit, now, leeway)
                }
            })
        })
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiUrlABuild(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    uri: jbyteArray,
    timestamp: jlong,
    time_format: jint,
    rand: jbyteArray,
    uid: jbyteArray,
    out: jbyteArray,
    out_len: jintArray,
) -> jint {
    let Ok(timestamp) = credential_time(timestamp) else { return INVALID_ARGUMENT };
    let env = Env(env);
    let mut len = 0;
    let arrays = [ro(key), ro(uri), ro(rand), ro(uid), rw(out)];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin(arrays, |[(k, kl), (u, ul), (r, rl), (i, il), o]| {
            let (s, l) = variable(o, |o, oc, ol| {
                livesign_huawei_url_a_build(k, kl, u, ul, timestamp, time_format as u32, r, rl, i, il, o, oc, ol)
            });
            len = l;
            s
        })
    });
    // SAFETY: as above, the regions are closed.
    unsafe { env.set_int(out_len, len) };
    s
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiUrlAVerify(
    env: *mut JNIEnv,
    _: jclass,
    joined_keys: jbyteArray,
    key_lens: jintArray,
    url: jbyteArray,
    time_format: jint,
    now: jlong,
    duration_s: jint,
    leeway_s: jint,
    matched: jintArray,
) -> jint {
    let Ok(duration_s) = seconds(duration_s) else { return INVALID_ARGUMENT };
    let Ok(leeway_s) = seconds(leeway_s) else { return INVALID_ARGUMENT };
    let env = Env(env);
    let mut index = 0usize;
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(joined_keys), ro(key_lens), ro(url)], |[keys, lens, (u, ul)]| match ring(keys, lens) {
            Ok((ring, n)) => status(livesign_huawei_url_a_verify(
                ring.as_ptr(),
                n,
                u,
                ul,
                time_format as u32,
                now as u64,
                duration_s,
                leeway_s,
                &mut index,
            )),
            Err(e) => e,
        })
    });
    // SAFETY: as above, the regions are closed.
    unsafe { env.set_int(matched, index as jint) };
    s
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiUrlBBuild(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    stream: jbyteArray,
    tx_time: jlong,
    out: jbyteArray,
    out_len: jintArray,
) -> jint {
    let env = Env(env);
    let mut len = 0;
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(key), ro(stream), rw(out)], |[(k, kl), (s, sl), o]| {
            let (s, l) = variable(o, |o, oc, ol| livesign_huawei_url_b_build(k, kl, s, sl, tx_time as u64, o, oc, ol));
            len = l;
            s
        })
    });
    // SAFETY: as above, the regions are closed.
    unsafe { env.set_int(out_len, len) };
    s
}

/// A C URL verifier over a key ring and a stream name (methods B and D): `(keys, keys_len,
/// stream, stream_len, url, url_len, now, duration_s, leeway_s, *matched)`.
type RingUrlVerifier = unsafe extern "C" fn(
    *const livesign_slice,
    usize,
    *const u8,
    usize,
    *const u8,
    usize,
    u64,
    u32,
    u32,
    *mut usize,
) -> livesign_status;

/// Runs `verify` on a Java key ring (`joined_keys` + `key_lens`), stream and URL, with `times`
/// = `(now, duration_s, leeway_s)`, and writes the matched key's index into `matched[0]`.
///
/// # Safety
/// `env` is the JNI environment of the current thread; `arrays` (`byte[]`, `int[]`, `byte[]`,
/// `byte[]`) and `matched` are live Java arrays or NULL; `verify` follows the header's C
/// contract for these verifiers.
unsafe fn ring_url_verify(
    env: *mut JNIEnv,
    arrays: [jarray; 4],
    (now, duration_s, leeway_s): (u64, u32, u32),
    matched: jintArray,
    verify: RingUrlVerifier,
) -> jint {
    let env = Env(env);
    let mut index = 0usize;
    let [joined_keys, key_lens, stream, url] = arrays;
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(joined_keys), ro(key_lens), ro(stream), ro(url)], |[keys, lens, (s, sl), (u, ul)]| {
            match ring(keys, lens) {
                Ok((ring, n)) => status(verify(ring.as_ptr(), n, s, sl, u, ul, now, duration_s, leeway_s, &mut index)),
                Err(e) => e,
            }
        })
    });
    // SAFETY: as above, the regions are closed.
    unsafe { env.set_int(matched, index as jint) };
    s
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiUrlBVerify(
    env: *mut JNIEnv,
    _: jclass,
    joined_keys: jbyteArray,
    key_lens: jintArray,
    stream: jbyteArray,
    url: jbyteArray,
    now: jlong,
    duration_s: jint,
    leeway_s: jint,
    matched: jintArray,
) -> jint {
    let Ok(duration_s) = seconds(duration_s) else { return INVALID_ARGUMENT };
    let Ok(leeway_s) = seconds(leeway_s) else { return INVALID_ARGUMENT };
    let times = (now as u64, duration_s, leeway_s);
    // SAFETY: called by the JVM with its environment and arrays.
    unsafe { ring_url_verify(env, [joined_keys, key_lens, stream, url], times, matched, livesign_huawei_url_b_verify) }
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiUrlDBuild(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    handle: jlong,
    stream: jbyteArray,
    hw_time: jlong,
    out: jbyteArray,
    out_len: jintArray,
) -> jint {
    let env = Env(env);
    let mut len = 0;
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; handle is 0 or a
    // live boxed context.
    let s = flat(unsafe {
        env.pin([ro(key), ro(stream), rw(out)], |[(k, kl), (s, sl), o]| {
            let t = hw_time as u64;
            let (s, l) = variable(o, |o, oc, ol| {
                if key.is_null() {
                    livesign_huawei_url_d_build_keyed(handle as *const livesign_hmac_key, s, sl, t, o, oc, ol)
                } else {
                    livesign_huawei_url_d_build(k, kl, s, sl, t, o, oc, ol)
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

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiUrlDVerify(
    env: *mut JNIEnv,
    _: jclass,
    joined_keys: jbyteArray,
    key_lens: jintArray,
    stream: jbyteArray,
    url: jbyteArray,
    now: jlong,
    duration_s: jint,
    leeway_s: jint,
    matched: jintArray,
) -> jint {
    let Ok(duration_s) = seconds(duration_s) else { return INVALID_ARGUMENT };
    let Ok(leeway_s) = seconds(leeway_s) else { return INVALID_ARGUMENT };
    let times = (now as u64, duration_s, leeway_s);
    // SAFETY: called by the JVM with its environment and arrays.
    unsafe { ring_url_verify(env, [joined_keys, key_lens, stream, url], times, matched, livesign_huawei_url_d_verify) }
}

/// `livesign_huawei_url_d_verify_keyed` over the contexts of `handles` (see `with_contexts`).
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHuaweiUrlDVerifyKeyed(
    env: *mut JNIEnv,
    _: jclass,
    handles: jlongArray,
    stream: jbyteArray,
    url: jbyteArray,
    now: jlong,
    duration_s: jint,
    leeway_s: jint,
    matched: jintArray,
) -> jint {
    let Ok(duration_s) = seconds(duration_s) else { return INVALID_ARGUMENT };
    let Ok(leeway_s) = seconds(leeway_s) else { return INVALID_ARGUMENT };
    let env = Env(env);
    let mut index = 0usize;
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; every non-zero
    // handle is a live boxed context.
    let s = flat(unsafe {
        env.pin([ro(handles), ro(stream), ro(url)], |[handles, (s, sl), (u, ul)]| {
            with_contexts(handles, |ring, n| {
                livesign_huawei_url_d_verify_keyed(ring, n, s, sl, u, ul, now as u64, duration_s, leeway_s, &mut index)
            })
        })
    });
    // SAFETY: as above, the regions are closed.
    unsafe { env.set_int(matched, index as jint) };
    s
}
