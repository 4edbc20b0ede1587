//! The one expiry rule: an expiry time is honoured while `now <= expiry + leeway_s`.

use crate::Error;

/// The last Unix time with 10 decimal digits: 9999999999, 2286-11-20. Decimal times that a
/// signature joins to a text field without a separator stop here: every real time since
/// 2001-09-09 has exactly 10 digits, so a digit moved in from the field makes 11 (refused) and
/// one moved out leaves a time before 2001 (expired).
pub(crate) const MAX_DECIMAL_TIME: u64 = 9_999_999_999;

/// `Ok` while `now <= expiry + leeway_s`; the sum saturates, so an expiry near `u64::MAX`
/// never wraps around into the past.
pub(crate) fn check(expiry: u64, now: u64, leeway_s: u32) -> Result<(), Error> {
    if now > expiry.saturating_add(u64::from(leeway_s)) { Err(Error::Expired) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::Error;

    #[test]
    fn boundaries() {
        assert_eq!(check(100, 100, 0), Ok(()));
        assert_eq!(check(100, 101, 0), Err(Error::Expired));
        assert_eq!(check(100, 105, 5), Ok(()));
        assert_eq!(check(100, 106, 5), Err(Error::Expired));
        assert_eq!(check(u64::MAX, u64::MAX, u32::MAX), Ok(()));
        assert_eq!(check(u64::MAX - 1, u64::MAX, 0), Err(Error::Expired));
        assert_eq!(check(u64::MAX - 1, u64::MAX, 1), Ok(()));
        assert_eq!(check(0, 0, 0), Ok(()));
    }
}
