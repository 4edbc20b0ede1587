//! `livesign_hmac_key`: an HMAC-SHA256 key loaded once into a caller-owned context (like
//! `blake3_hasher`), used by the `..._keyed` variants of every HMAC operation.

use zeroize::Zeroize;

use super::status::livesign_status;
use super::{boundary, input};
use crate::keyring::MAX_KEYS;
use crate::{Error, HmacKey};

const MAGIC: u64 = u64::from_be_bytes(*b"lvsgnkey");

/// A loaded HMAC-SHA256 key: the SHA-256 states after the key's inner and outer pad blocks,
/// and the key's length (providers restrict it). Caller-owned, fixed size, no heap: declare
/// it anywhere, fill it with `livesign_hmac_key_init`, share it read-only between threads, and
/// erase it with `livesign_hmac_key_wipe`. The fields are private to livesign.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct livesign_hmac_key {
    _inner: [u32; 8],
    _outer: [u32; 8],
    _key_len: u64,
    _magic: u64,
}

/// The wiped (all-zero) context: what `livesign_hmac_key_wipe` leaves, never a usable key.
pub(crate) const WIPED: livesign_hmac_key =
    livesign_hmac_key { _inner: [0; 8], _outer: [0; 8], _key_len: 0, _magic: 0 };

/// Loads `key` into `ctx` (two SHA-256 compressions; keys over 64 bytes are hashed first).
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `ctx` is NULL or `key` is NULL
/// with `key_len > 0`; `LIVESIGN_INVALID_KEY` for an empty key or one longer than
/// `LIVESIGN_MAX_KEY_LEN`. On failure `ctx` is left
/// wiped, so using it fails cleanly. Provider key-length rules (e.g. Huawei's 32 to 128
/// characters) are checked when the context is used. Never allocates.
#[must_use = "the status says whether the context is usable"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_hmac_key_init(
    ctx: *mut livesign_hmac_key,
    key: *const u8,
    key_len: usize,
) -> livesign_status {
    boundary(|| {
        if ctx.is_null() {
            return Err(Error::InvalidArgument);
        }
        // SAFETY: ctx is non-NULL and the C contract makes it a writable livesign_hmac_key;
        // `write` does not read the (possibly uninitialised) old value.
        unsafe { ctx.write(WIPED) };
        // SAFETY: the C contract: a non-NULL key points to key_len readable bytes.
        let key = HmacKey::new(unsafe { input(key, key_len) }?)?;
        let (mut inner, mut outer, key_len) = key.to_parts();
        let mut loaded = livesign_hmac_key { _inner: inner, _outer: outer, _key_len: key_len as u64, _magic: MAGIC };
        // SAFETY: as above.
        unsafe { ctx.write(loaded) };
        // The states are as good as the key: no copy stays in this frame (`key` wipes itself).
        for state in [&mut inner, &mut outer, &mut loaded._inner, &mut loaded._outer] {
            state.zeroize();
        }
        Ok(())
    })
}

/// Erases `ctx` (volatile writes the compiler cannot drop); using it afterwards returns
/// `LIVESIGN_INVALID_ARGUMENT`. NULL is ignored. Never allocates.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_hmac_key_wipe(ctx: *mut livesign_hmac_key) {
    if !ctx.is_null() {
        // SAFETY: ctx is non-NULL and the C contract makes it a writable livesign_hmac_key.
        unsafe { ctx.write_volatile(WIPED) };
        core::sync::atomic::compiler_fence(core::sync::atomic::Ordering::SeqCst);
    }
}

/// The key a context holds; a NULL, never-initialised or wiped context is
/// `InvalidArgument`.
///
/// # Safety
/// A non-NULL `ctx` must point to a readable `livesign_hmac_key`.
pub(crate) unsafe fn loaded(ctx: *const livesign_hmac_key) -> Result<HmacKey, Error> {
    if ctx.is_null() {
        return Err(Error::InvalidArgument);
    }
    // SAFETY: non-NULL and readable by the caller's guarantee; all fields are plain integers.
    let c = unsafe { &*ctx };
    if c._magic != MAGIC {
        return Err(Error::InvalidArgument);
    }
    let key_len = usize::try_from(c._key_len).map_err(|_| Error::InvalidArgument)?;
    Ok(HmacKey::from_parts(c._inner, c._outer, key_len))
}

/// A key ring of up to `LIVESIGN_MAX_KEYS` loaded keys on the stack, primary first (each
/// wipes itself when the ring goes).
pub(crate) struct Ring {
    keys: [HmacKey; MAX_KEYS],
    len: usize,
}

impl Ring {
    /// The contexts `keys[0..keys_len]`: `InvalidArgument` for NULL, none, more than
    /// `LIVESIGN_MAX_KEYS`, or a context that is not initialised.
    ///
    /// # Safety
    /// A non-NULL `keys` must point to `keys_len` readable contexts.
    pub(crate) unsafe fn read(keys: *const livesign_hmac_key, keys_len: usize) -> Result<Self, Error> {
        if keys.is_null() {
            return Err(Error::InvalidArgument);
        }
        // SAFETY: keys points to keys_len contexts (caller), and `fill` reads only i < keys_len.
        Self::fill(keys_len, |i| unsafe { loaded(keys.add(i)) })
    }

    /// Raw keys, each checked and loaded by `load`; the same count rule.
    pub(crate) fn load(raw: &[&[u8]], load: impl Fn(&[u8]) -> Result<HmacKey, Error>) -> Result<Self, Error> {
        Self::fill(raw.len(), |i| load(raw[i]))
    }

    /// Keys `0..len` from `key`, after the count rule (`InvalidArgument` for none or more than
    /// `LIVESIGN_MAX_KEYS`).
    fn fill(len: usize, mut key: impl FnMut(usize) -> Result<HmacKey, Error>) -> Result<Self, Error> {
        if len == 0 || len > MAX_KEYS {
            return Err(Error::InvalidArgument);
        }
        // Placeholder slots, never used as keys: only the first `len` are filled and read.
        let mut ring = Self { keys: core::array::from_fn(|_| HmacKey::from_parts([0; 8], [0; 8], 0)), len };
        for (i, slot) in ring.keys.iter_mut().take(len).enumerate() {
            *slot = key(i)?;
        }
        Ok(ring)
    }

    pub(crate) fn as_slice(&self) -> &[HmacKey] {
        &self.keys[..self.len]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_load_wipe() {
        let mut ctx = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
        let key = b"0123456789abcdef0123456789abcdef";
        // SAFETY: ctx is writable; key is valid for its length.
        let status = unsafe { livesign_hmac_key_init(ctx.as_mut_ptr(), key.as_ptr(), key.len()) };
        assert_eq!(status, livesign_status::LIVESIGN_OK);
        // SAFETY: initialised above.
        let loaded_key = unsafe { loaded(ctx.as_ptr()) }.unwrap();
        assert_eq!(loaded_key.key_len(), 32);
        assert_eq!(loaded_key.mac(&[b"m"]), HmacKey::new(key).unwrap().mac(&[b"m"]));
        // SAFETY: ctx is a valid context.
        unsafe { livesign_hmac_key_wipe(ctx.as_mut_ptr()) };
        // SAFETY: the wipe leaves every byte written (zero).
        let bytes: [u8; core::mem::size_of::<livesign_hmac_key>()] = unsafe { core::mem::transmute(ctx.assume_init()) };
        assert!(bytes.iter().all(|&b| b == 0), "wipe left key material behind");
        // SAFETY: ctx is readable.
        assert_eq!(unsafe { loaded(ctx.as_ptr()) }.map(|_| ()), Err(Error::InvalidArgument));
        // SAFETY: NULL is allowed and ignored; an empty key must leave ctx unusable.
        unsafe {
            livesign_hmac_key_wipe(core::ptr::null_mut());
            assert_eq!(
                livesign_hmac_key_init(ctx.as_mut_ptr(), key.as_ptr(), 0),
                livesign_status::LIVESIGN_INVALID_KEY
            );
            assert_eq!(loaded(ctx.as_ptr()).map(|_| ()), Err(Error::InvalidArgument));
            assert_eq!(
                livesign_hmac_key_init(core::ptr::null_mut(), key.as_ptr(), 32),
                livesign_status::LIVESIGN_INVALID_ARGUMENT
            );
        }
    }
}
