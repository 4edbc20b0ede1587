//! The header promises that every info/event/response struct an export fills is zero-filled
//! when the call fails. A C caller may check that with `memcmp` against a zeroed struct, so the
//! promise covers every byte, padding included: these tests fill each struct with 0xAA, make
//! the call fail, and require every byte to be zero. (Field-by-field writes leave padding
//! untouched; the optimised library did that for `livesign_privmap_info`, whose padding kept
//! the caller's bytes. Run them with `--release` too.)

use core::mem::{MaybeUninit, size_of};

use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
use livesign::ffi::huawei::{
    livesign_huawei_callback_verify, livesign_huawei_callback_verify_keyed, livesign_huawei_event,
};
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::status::livesign_status::{self, *};
use livesign::ffi::tencent::{livesign_tencent_callback_verify, livesign_tencent_event};
use livesign::ffi::tencent_api::{livesign_tencent_api_response, livesign_tencent_api_response_read};
use livesign::ffi::tencent_url::{
    LIVESIGN_TENCENT_TX_TIME_HEX, livesign_tencent_url_info, livesign_tencent_url_verify,
    livesign_tencent_url_verify_form,
};
use livesign::ffi::trtc::{
    livesign_privmap_info, livesign_privmap_parse, livesign_usersig_info, livesign_usersig_inspect,
    livesign_usersig_verify, livesign_usersig_verify_keyed,
};
use livesign::ffi::trtc_rest::{livesign_trtc_rest_response, livesign_trtc_rest_response_parse};

/// Calls `f` on a struct whose every byte is 0xAA and returns the status and the struct's bytes.
fn after_call<T>(f: impl FnOnce(*mut T) -> livesign_status) -> (livesign_status, Vec<u8>) {
    let mut v = MaybeUninit::<T>::uninit();
    // SAFETY: writing bytes into our own MaybeUninit.
    unsafe { v.as_mut_ptr().cast::<u8>().write_bytes(0xAA, size_of::<T>()) };
    let st = f(v.as_mut_ptr());
    // SAFETY: all size_of::<T>() bytes were initialised above (and possibly overwritten).
    let bytes = unsafe { core::slice::from_raw_parts(v.as_ptr().cast::<u8>(), size_of::<T>()) }.to_vec();
    (st, bytes)
}

fn assert_zero_filled<T>(what: &str, want: livesign_status, f: impl FnOnce(*mut T) -> livesign_status) {
    let (st, bytes) = after_call(f);
    assert_eq!(st, want, "{what}");
    let dirty: Vec<usize> = bytes.iter().enumerate().filter(|(_, b)| **b != 0).map(|(i, _)| i).collect();
    assert!(dirty.is_empty(), "{what}: bytes {dirty:?} of {} are not zero after a failure", bytes.len());
}

const BAD: &[u8] = b"{\"not\":";
const KEY32: &[u8] = b"0123456789abcdef0123456789abcdef";

#[test]
fn trtc_and_usersig_structs_are_zero_filled_on_failure() {
    assert_zero_filled::<livesign_privmap_info>("privmap_parse", LIVESIGN_MALFORMED, |p| {
        // SAFETY: inputs valid for their lengths (NULL only where allowed), p writable.
        unsafe { livesign_privmap_parse(BAD.as_ptr(), BAD.len(), p) }
    });
    assert_zero_filled::<livesign_privmap_info>("privmap_parse NULL", LIVESIGN_INVALID_ARGUMENT, |p| {
        // SAFETY: inputs valid for their lengths (NULL only where allowed), p writable.
        unsafe { livesign_privmap_parse(core::ptr::null(), 1, p) }
    });
    assert_zero_filled::<livesign_usersig_info>("usersig_inspect", LIVESIGN_MALFORMED, |p| {
        // SAFETY: inputs valid for their lengths (NULL only where allowed), p writable.
        unsafe { livesign_usersig_inspect(BAD.as_ptr(), BAD.len(), p) }
    });
    assert_zero_filled::<livesign_usersig_info>("usersig_verify", LIVESIGN_MALFORMED, |p| {
        // SAFETY: inputs valid for their lengths (NULL only where allowed), p writable.
        unsafe {
            livesign_usersig_verify(1, KEY32.as_ptr(), KEY32.len(), b"u".as_ptr(), 1, BAD.as_ptr(), BAD.len(), 0, 0, p)
        }
    });
    assert_zero_filled::<livesign_usersig_info>("usersig_verify_keyed", LIVESIGN_INVALID_ARGUMENT, |p| {
        // SAFETY: inputs valid for their lengths (NULL only where allowed), p writable.
        unsafe {
            livesign_usersig_verify_keyed(1, core::ptr::null(), b"u".as_ptr(), 1, BAD.as_ptr(), BAD.len(), 0, 0, p)
        }
    });
    assert_zero_filled::<livesign_trtc_rest_response>("trtc_rest_response_parse", LIVESIGN_MALFORMED, |p| {
        // SAFETY: inputs valid for their lengths (NULL only where allowed), p writable.
        unsafe { livesign_trtc_rest_response_parse(BAD.as_ptr(), BAD.len(), p) }
    });
}

#[test]
fn tencent_and_huawei_structs_are_zero_filled_on_failure() {
    assert_zero_filled::<livesign_tencent_api_response>("tencent_api_response_read", LIVESIGN_MALFORMED, |p| {
        // SAFETY: inputs valid for their lengths (NULL only where allowed), p writable.
        unsafe { livesign_tencent_api_response_read(BAD.as_ptr(), BAD.len(), p) }
    });
    assert_zero_filled::<livesign_tencent_event>("tencent_callback_verify", LIVESIGN_MALFORMED, |p| {
        // SAFETY: inputs valid for their lengths (NULL only where allowed), p writable.
        unsafe { livesign_tencent_callback_verify(KEY32.as_ptr(), KEY32.len(), BAD.as_ptr(), BAD.len(), 0, 0, p) }
    });
    let keys = [livesign_slice::of(KEY32)];
    assert_zero_filled::<livesign_tencent_url_info>("tencent_url_verify", LIVESIGN_MALFORMED, |p| {
        // SAFETY: inputs valid for their lengths (NULL only where allowed), p writable.
        unsafe {
            let url = b"/live/s?txSecret=x";
            livesign_tencent_url_verify(keys.as_ptr(), 1, url.as_ptr(), url.len(), 0, 0, 0, core::ptr::null_mut(), p)
        }
    });
    assert_zero_filled::<livesign_tencent_url_info>("tencent_url_verify_form", LIVESIGN_MALFORMED, |p| {
        // SAFETY: inputs valid for their lengths (NULL only where allowed), p writable.
        unsafe {
            let url = b"/live/s?txSecret=x";
            let form = LIVESIGN_TENCENT_TX_TIME_HEX;
            livesign_tencent_url_verify_form(
                keys.as_ptr(),
                1,
                url.as_ptr(),
                url.len(),
                form,
                0,
                0,
                0,
                core::ptr::null_mut(),
                p,
            )
        }
    });
    assert_zero_filled::<livesign_huawei_event>("huawei_callback_verify", LIVESIGN_MALFORMED, |p| {
        // SAFETY: inputs valid for their lengths (NULL only where allowed), p writable.
        unsafe { livesign_huawei_callback_verify(KEY32.as_ptr(), KEY32.len(), BAD.as_ptr(), BAD.len(), 0, 0, p) }
    });
    let mut ctx = MaybeUninit::<livesign_hmac_key>::zeroed();
    // SAFETY: ctx is writable; KEY32 is valid for its length.
    assert_eq!(unsafe { livesign_hmac_key_init(ctx.as_mut_ptr(), KEY32.as_ptr(), KEY32.len()) }, LIVESIGN_OK);
    assert_zero_filled::<livesign_huawei_event>("huawei_callback_verify_keyed", LIVESIGN_MALFORMED, |p| {
        // SAFETY: inputs valid for their lengths (NULL only where allowed), p writable.
        unsafe { livesign_huawei_callback_verify_keyed(ctx.as_ptr(), BAD.as_ptr(), BAD.len(), 0, 0, p) }
    });
}
