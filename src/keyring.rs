//! Key rotation: a verifier is given a primary key and backups, and reports which one matched.

use crate::Error;

/// Most keys a verifier takes at once (`LIVESIGN_MAX_KEYS` in C). Clouds keep two (primary
/// and backup); the slack covers staged rotations without letting a caller turn one request
/// into unbounded work.
pub(crate) const MAX_KEYS: usize = 8;

/// The key checks alone: `InvalidArgument` for no key or more than [`MAX_KEYS`], then
/// `InvalidKey` when `valid` rejects any key. Verifiers that must parse their input before
/// they can try a key call this first, so a bad key ring is reported before a bad input.
pub(crate) fn check<K>(keys: &[K], valid: impl Fn(&K) -> bool) -> Result<(), Error> {
    if keys.is_empty() || keys.len() > MAX_KEYS {
        return Err(Error::InvalidArgument);
    }
    if !keys.iter().all(valid) {
        return Err(Error::InvalidKey);
    }
    Ok(())
}

/// Validates every key first (as [`check`] does), then tries them in order and returns the
/// index of the first whose signature `matches`, or `SignatureMismatch` when none does. Every
/// key is tried even after a match, so the time taken does not depend on which key matched.
pub(crate) fn find<K>(
    keys: &[K],
    valid: impl Fn(&K) -> bool,
    mut matches: impl FnMut(&K) -> bool,
) -> Result<usize, Error> {
    check(keys, valid)?;
    let mut matched = None;
    for (i, key) in keys.iter().enumerate() {
        if matches(key) && matched.is_none() {
            matched = Some(i);
        }
    }
    matched.ok_or(Error::SignatureMismatch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_first_matching_key() {
        let keys: [&[u8]; 3] = [b"a", b"b", b"b"];
        assert_eq!(find(&keys, |k| !k.is_empty(), |k| *k == b"b"), Ok(1));
        assert_eq!(find(&keys, |k| !k.is_empty(), |k| *k == b"z"), Err(Error::SignatureMismatch));
        assert_eq!(find(&[&b"a"[..], b""], |k| !k.is_empty(), |_| true), Err(Error::InvalidKey));
        assert_eq!(find::<&[u8]>(&[], |_| true, |_| true), Err(Error::InvalidArgument));
        assert_eq!(find(&[&b"a"[..]; MAX_KEYS + 1], |_| true, |_| true), Err(Error::InvalidArgument));
    }
}
