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

/// A send time is honoured within `leeway_s` of `now` on both sides: `Ok` while
/// `sent - leeway_s <= now <= sent + leeway_s` (saturating). The future side matters where a
/// signature joins the time to another field without a separator: digits moved into the time
/// put it far ahead.
pub(crate) fn check_sent(sent: u64, now: u64, leeway_s: u32) -> Result<(), Error> {
    check(sent, now, leeway_s)?;
    if sent.saturating_sub(u64::from(leeway_s)) > now { Err(Error::Expired) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::{check, check_sent};
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

    #[test]
    fn send_time_boundaries() {
        assert_eq!(check_sent(100, 95, 5), Ok(()));
        assert_eq!(check_sent(100, 94, 5), Err(Error::Expired));
        assert_eq!(check_sent(100, 105, 5), Ok(()));
        assert_eq!(check_sent(100, 106, 5), Err(Error::Expired));
        assert_eq!(check_sent(3, 0, 5), Ok(()));
        assert_eq!(check_sent(u64::MAX, u64::MAX, u32::MAX), Ok(()));
        assert_eq!(check_sent(u64::MAX, 0, u32::MAX), Err(Error::Expired));
    }
}
