//! JNI exports of the Tencent Cloud Live (CSS) operations for `io.livesign.Tencent`: `t +
//! sign`, event callbacks, push/play URLs, the legacy API and the error catalog.

use jni_sys::{JNIEnv, jbyteArray, jclass, jint, jintArray, jlong, jlongArray, jobjectArray, jstring};

use super::{
    Env, INVALID_ARGUMENT, Pinned, credential_time, field_span, flat, ring, ro, rw, seconds, span, status, variable,
};
use crate::ffi::slice::livesign_slice;
use crate::ffi::tencent::*;
use crate::ffi::tencent_api::*;
use crate::ffi::tencent_url::*;

#[unsafe(no_mangle)]
pub extern "system" fn Java_io_livesign_LiveSign_nativeTencentSignLen(_: *mut JNIEnv, _: jclass) -> jint {
    livesign_tencent_sign_len() as jint
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentSign(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    t: jlong,
    out: jbyteArray,
) -> jint {
    let Ok(t) = credential_time(t) else { return INVALID_ARGUMENT };
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign (no JNI); out is
    // checked to hold LIVESIGN_TENCENT_SIGN_LEN bytes before it is written.
    flat(unsafe {
        Env(env).pin([ro(key), rw(out)], |[(k, kl), (o, ol)]| {
            if ol < livesign_tencent_sign_len() {
                return INVALID_ARGUMENT;
            }
            status(livesign_tencent_sign(k, kl, t, o))
        })
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentVerify(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    t: jlong,
    sign: jbyteArray,
    now: jlong,
    leeway_s: jint,
) -> jint {
    let Ok(leeway_s) = seconds(leeway_s) else { return INVALID_ARGUMENT };
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign (no JNI).
    flat(unsafe {
        Env(env).pin([ro(key), ro(sign)], |[(k, kl), (s, sl)]| {
            status(livesign_tencent_verify(k, kl, t as u64, s, sl, now as u64, leeway_s))
        })
    })
}

/// Fills `fields` with `[event_type, t, stream_id offset, len, channel_id offset, len, app
/// offset, len, appname offset, len]` (offsets into `body`, -1 for an absent field).
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentCallbackVerify(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    body: jbyteArray,
    now: jlong,
    leeway_s: jint,
    fields: jlongArray,
) -> jint {
    let Ok(leeway_s) = seconds(leeway_s) else { return INVALID_ARGUMENT };
    let env = Env(env);
    let mut values = [0 as jlong; 10];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(key), ro(body)], |[(k, kl), (b, bl)]| {
            let mut e = livesign_tencent_event {
                event_type: 0,
                t: 0,
                stream_id: livesign_slice::EMPTY,
                channel_id: livesign_slice::EMPTY,
                app: livesign_slice::EMPTY,
                appname: livesign_slice::EMPTY,
            };
            let s = livesign_tencent_callback_verify(k, kl, b, bl, now as u64, leeway_s, &mut e);
            let [so, sl] = span(b, e.stream_id);
            let [co, cl] = span(b, e.channel_id);
            let [ao, al] = span(b, e.app);
            let [no, nl] = span(b, e.appname);
            values = [e.event_type, e.t as jlong, so, sl, co, cl, ao, al, no, nl];
            status(s)
        })
    });
    // SAFETY: as above, the regions are closed; Kotlin passes a long[10].
    unsafe { env.set_longs(fields, &values) };
    s
}

/// Fills `value_span` with the `(offset, len)` of the field's raw JSON text in `body`.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentCallbackField(
    env: *mut JNIEnv,
    _: jclass,
    body: jbyteArray,
    name: jbyteArray,
    value_span: jlongArray,
) -> jint {
    // SAFETY: called by the JVM with its environment and arrays.
    unsafe { field_span(env, body, name, value_span, livesign_tencent_callback_field) }
}

/// The `interface` name of a command; Java `null` for an unknown number.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentApiCommandName(
    env: *mut JNIEnv,
    _: jclass,
    command: jint,
) -> jstring {
    // SAFETY: called by the JVM with its environment; the result is NULL or a static string.
    unsafe { Env(env).string(livesign_tencent_api_command_name(command as u32)) }
}

/// The default URL up to the `?` of a command; Java `null` for an unknown number.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentApiDefaultBase(
    env: *mut JNIEnv,
    _: jclass,
    command: jint,
) -> jstring {
    // SAFETY: called by the JVM with its environment; the result is NULL or a static string.
    unsafe { Env(env).string(livesign_tencent_api_default_base(command as u32)) }
}

/// `command[0]` receives the number of the command named `name` (0 when none).
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentApiCommandFromName(
    env: *mut JNIEnv,
    _: jclass,
    name: jbyteArray,
    command: jintArray,
) -> jint {
    let env = Env(env);
    let mut found = 0u32;
    // SAFETY: JVM-provided env and array; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(name)], |[(n, nl)]| status(livesign_tencent_api_command_from_name(n, nl, &mut found)))
    });
    // SAFETY: as above, the region is closed.
    unsafe { env.set_int(command, found as jint) };
    s
}

/// Command parameters from `kinds` (an `int[n]`), all names and values concatenated in
/// `text`, and their lengths in `lens` (an `int[2n]`: name, value, name, value, ...).
/// `Err(LIVESIGN_INVALID_ARGUMENT)` for more than `LIVESIGN_TENCENT_API_MAX_PARAMS` parameters
/// or lengths that do not add up.
///
/// # Safety
/// `kinds`, `text` and `lens` are pinned arrays (an int[], a byte[] and an int[]).
unsafe fn params(
    kinds: Pinned,
    text: Pinned,
    lens: Pinned,
) -> Result<([livesign_tencent_api_param; LIVESIGN_TENCENT_API_MAX_PARAMS], usize), jint> {
    const NONE: livesign_tencent_api_param =
        livesign_tencent_api_param { kind: 0, name: livesign_slice::EMPTY, value: livesign_slice::EMPTY };
    let (k, n) = kinds;
    let (t, tl) = text;
    let (l, ll) = lens;
    if n > LIVESIGN_TENCENT_API_MAX_PARAMS || ll != 2 * n {
        return Err(INVALID_ARGUMENT);
    }
    let mut offset = 0usize;
    let mut next = |i: usize| -> Result<livesign_slice, jint> {
        // SAFETY: l points to ll pinned jints and the caller passes i < ll.
        let len = usize::try_from(unsafe { l.cast::<jint>().add(i).read() }).map_err(|_| INVALID_ARGUMENT)?;
        let end = offset.checked_add(len).filter(|&end| end <= tl).ok_or(INVALID_ARGUMENT)?;
        // SAFETY: offset + len <= tl: inside the pinned text (an empty value stays NULL).
        let s = if len == 0 { livesign_slice::EMPTY } else { livesign_slice { ptr: unsafe { t.add(offset) }, len } };
        offset = end;
        Ok(s)
    };
    let mut out = [NONE; LIVESIGN_TENCENT_API_MAX_PARAMS];
    for (i, slot) in out.iter_mut().take(n).enumerate() {
        // SAFETY: k points to n pinned jints and i < n.
        let kind = unsafe { k.cast::<jint>().add(i).read() } as u32;
        *slot = livesign_tencent_api_param { kind, name: next(2 * i)?, value: next(2 * i + 1)? };
    }
    Ok((out, n))
}

/// `base` NULL (or empty) uses the command's default base.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentApiBuild(
    env: *mut JNIEnv,
    _: jclass,
    command: jint,
    base: jbyteArray,
    appid: jlong,
    key: jbyteArray,
    t: jlong,
    kinds: jintArray,
    text: jbyteArray,
    lens: jintArray,
    out: jbyteArray,
    out_len: jintArray,
) -> jint {
    let Ok(t) = credential_time(t) else { return INVALID_ARGUMENT };
    let env = Env(env);
    let mut len = 0;
    let arrays = [ro(base), ro(key), ro(kinds), ro(text), ro(lens), rw(out)];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin(arrays, |[(b, bl), (k, kl), kinds, text, lens, o]| {
            let (params, n) = match params(kinds, text, lens) {
                Ok(p) => p,
                Err(e) => return e,
            };
            let (s, l) = variable(o, |o, oc, ol| {
                livesign_tencent_api_build(command as u32, b, bl, appid as u64, k, kl, t, params.as_ptr(), n, o, oc, ol)
            });
            len = l;
            s
        })
    });
    // SAFETY: as above, the regions are closed.
    unsafe { env.set_int(out_len, len) };
    s
}

/// Fills `fields` with `[fields bits, ret, retcode, errmsg offset, len, message offset, len]`.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentApiResponseRead(
    env: *mut JNIEnv,
    _: jclass,
    body: jbyteArray,
    fields: jlongArray,
) -> jint {
    let env = Env(env);
    let mut values = [0 as jlong; 7];
    // SAFETY: JVM-provided env and array; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(body)], |[(b, bl)]| {
            let mut r = livesign_tencent_api_response {
                fields: 0,
                ret: 0,
                retcode: 0,
                errmsg: livesign_slice::EMPTY,
                message: livesign_slice::EMPTY,
            };
            let s = livesign_tencent_api_response_read(b, bl, &mut r);
            let [eo, el] = span(b, r.errmsg);
            let [mo, ml] = span(b, r.message);
            values = [jlong::from(r.fields), r.ret, r.retcode, eo, el, mo, ml];
            status(s)
        })
    });
    // SAFETY: as above, the region is closed; Kotlin passes a long[7].
    unsafe { env.set_longs(fields, &values) };
    s
}

/// Copies a catalog entry to Kotlin: `numbers` = `[source, category, retry, code]`, `texts` =
/// `[message, meaning]`. Returns 1 when there is an entry, 0 when not (or when the VM ran out
/// of memory: an exception is then pending).
///
/// # Safety
/// `env` is outside any critical region; `entry` is NULL or a static catalog entry;
/// `numbers` is a live `long[4]`, `texts` a live `String[2]`.
unsafe fn error_info(
    env: &Env,
    entry: *const livesign_tencent_error_info,
    numbers: jlongArray,
    texts: jobjectArray,
) -> jint {
    // SAFETY: livesign returns NULL or a pointer to a static entry.
    let Some(e) = (unsafe { entry.as_ref() }) else {
        return 0;
    };
    // SAFETY: forwarded to the caller's guarantee.
    unsafe {
        env.set_longs(numbers, &[jlong::from(e.source), jlong::from(e.category), jlong::from(e.retry), e.code]);
        jint::from(env.set_string(texts, 0, e.message) && env.set_string(texts, 1, e.meaning))
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentErrorByCode(
    env: *mut JNIEnv,
    _: jclass,
    code: jlong,
    numbers: jlongArray,
    texts: jobjectArray,
) -> jint {
    // SAFETY: JVM-provided env and arrays (Kotlin passes a long[4] and a String[2]).
    unsafe { error_info(&Env(env), livesign_tencent_error_by_code(code), numbers, texts) }
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentErrorByHttpStatus(
    env: *mut JNIEnv,
    _: jclass,
    http_status: jint,
    numbers: jlongArray,
    texts: jobjectArray,
) -> jint {
    // SAFETY: JVM-provided env and arrays (Kotlin passes a long[4] and a String[2]).
    unsafe { error_info(&Env(env), livesign_tencent_error_by_http_status(http_status as u32), numbers, texts) }
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentErrorByMessage(
    env: *mut JNIEnv,
    _: jclass,
    message: jbyteArray,
    numbers: jlongArray,
    texts: jobjectArray,
) -> jint {
    let env = Env(env);
    // SAFETY: JVM-provided env and array; the closure calls only livesign and returns a
    // pointer to a static entry, read after the region is closed.
    let entry = unsafe { env.pin([ro(message)], |[(m, ml)]| livesign_tencent_error_by_message(m, ml)) };
    match entry {
        // SAFETY: as above (Kotlin passes a long[4] and a String[2]).
        Ok(e) => unsafe { error_info(&env, e, numbers, texts) },
        Err(_) => 0,
    }
}

#[unsafe(no_mangle)]
pub extern "system" fn Java_io_livesign_LiveSign_nativeTencentTxSecretLen(_: *mut JNIEnv, _: jclass) -> jint {
    livesign_tencent_tx_secret_len() as jint
}

/// The URL length for these byte lengths; 0 when `kind` is unknown, `expiry` too large, or the
/// length does not fit a Java array.
#[unsafe(no_mangle)]
pub extern "system" fn Java_io_livesign_LiveSign_nativeTencentUrlBuildLen(
    _: *mut JNIEnv,
    _: jclass,
    kind: jint,
    domain_len: jint,
    app_len: jint,
    stream_len: jint,
    expiry: jlong,
) -> jint {
    let len = |n: jint| usize::try_from(n).ok();
    match (len(domain_len), len(app_len), len(stream_len)) {
        (Some(d), Some(a), Some(s)) => {
            jint::try_from(livesign_tencent_url_build_len(kind as u32, d, a, s, expiry as u64)).unwrap_or(0)
        }
        _ => 0,
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentUrlBuild(
    env: *mut JNIEnv,
    _: jclass,
    kind: jint,
    domain: jbyteArray,
    app: jbyteArray,
    stream: jbyteArray,
    key: jbyteArray,
    expiry: jlong,
    out: jbyteArray,
    out_len: jintArray,
) -> jint {
    let env = Env(env);
    let mut len = 0;
    let arrays = [ro(domain), ro(app), ro(stream), ro(key), rw(out)];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin(arrays, |[(d, dl), (a, al), (s, sl), (k, kl), o]| {
            let (s, l) = variable(o, |o, oc, ol| {
                livesign_tencent_url_build(kind as u32, d, dl, a, al, s, sl, k, kl, expiry as u64, o, oc, ol)
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
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentUrlSecret(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    stream: jbyteArray,
    tx_time: jbyteArray,
    out: jbyteArray,
) -> jint {
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; out is checked to
    // hold LIVESIGN_TENCENT_TX_SECRET_LEN bytes before it is written.
    flat(unsafe {
        Env(env).pin([ro(key), ro(stream), ro(tx_time), rw(out)], |[(k, kl), (s, sl), (t, tl), (o, ol)]| {
            if ol < livesign_tencent_tx_secret_len() {
                return INVALID_ARGUMENT;
            }
            status(livesign_tencent_url_secret(k, kl, s, sl, t, tl, o))
        })
    })
}

/// `form` is a `LIVESIGN_TENCENT_TX_TIME_...` value (`_HEX_OR_DECIMAL` goes through
/// `livesign_tencent_url_verify`, the others through `livesign_tencent_url_verify_form`);
/// `matched[0]` receives the key index; `info` = `[app offset, len, stream_name offset, len,
/// tx_time offset, len, expiry, valid_until]` (offsets into `url`).
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentUrlVerify(
    env: *mut JNIEnv,
    _: jclass,
    joined_keys: jbyteArray,
    key_lens: jintArray,
    url: jbyteArray,
    form: jint,
    valid_for_s: jint,
    now: jlong,
    leeway_s: jint,
    matched: jintArray,
    info: jlongArray,
) -> jint {
    let Ok(valid_for_s) = seconds(valid_for_s) else { return INVALID_ARGUMENT };
    let Ok(leeway_s) = seconds(leeway_s) else { return INVALID_ARGUMENT };
    let env = Env(env);
    let mut index = 0usize;
    let mut values = [0 as jlong; 8];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(joined_keys), ro(key_lens), ro(url)], |[keys, lens, (u, ul)]| {
            let (ring, n) = match ring(keys, lens) {
                Ok(r) => r,
                Err(e) => return e,
            };
            let mut i = livesign_tencent_url_info {
                app: livesign_slice::EMPTY,
                stream_name: livesign_slice::EMPTY,
                tx_time: livesign_slice::EMPTY,
                expiry: 0,
                valid_until: 0,
            };
            let (keys, now) = (ring.as_ptr(), now as u64);
            // A negative form reads as a u32 above 2, which the C function refuses as unknown.
            let s = match form as u32 {
                LIVESIGN_TENCENT_TX_TIME_HEX_OR_DECIMAL => {
                    livesign_tencent_url_verify(keys, n, u, ul, valid_for_s, now, leeway_s, &mut index, &mut i)
                }
                form => livesign_tencent_url_verify_form(
                    keys,
                    n,
                    u,
                    ul,
                    form,
                    valid_for_s,
                    now,
                    leeway_s,
                    &mut index,
                    &mut i,
                ),
            };
            let [ao, al] = span(u, i.app);
            let [so, sl] = span(u, i.stream_name);
            let [to, tl] = span(u, i.tx_time);
            values = [ao, al, so, sl, to, tl, i.expiry as jlong, i.valid_until as jlong];
            status(s)
        })
    });
    // SAFETY: as above, the regions are closed; Kotlin passes an int[1] and a long[8].
    unsafe {
        env.set_int(matched, index as jint);
        env.set_longs(info, &values);
    }
    s
}
