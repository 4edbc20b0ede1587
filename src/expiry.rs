//! The one expiry rule: an expiry time is honoured while `now <= expiry + leeway_s`.

use crate::Error;

/// The first Unix time with 10 decimal digits: 1000000000, 2001-09-09. Decimal times that a
/// signature joins to a text field without a separator have exactly 10 digits
/// ([`MIN_DECIMAL_TIME`]`..=`[`MAX_DECIMAL_TIME`]): a digit moved in from the field makes 11 and
/// one moved out leaves 9, both refused by their form. The time alone would not do: one moved
/// out is a time before 2001, which a caller's leeway of decades (`leeway_s` reaches 136 years)
/// still accepts.
pub(crate) const MIN_DECIMAL_TIME: u64 = 1_000_000_000;
/// The last Unix time with 10 decimal digits: 9999999999, 2286-11-20 (see
/// [`MIN_DECIMAL_TIME`]).
pub(crate) const MAX_DECIMAL_TIME: u64 = 9_999_999_999;

/// Whether `t` has exactly 10 decimal digits (see [`MIN_DECIMAL_TIME`]).
pub(crate) const fn is_ten_digit_time(t: u64) -> bool {
    MIN_DECIMAL_TIME <= t && t <= MAX_DECIMAL_TIME
}

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
    fn ten_digit_times() {
        use super::is_ten_digit_time;
        for t in [1_000_000_000, 1_587_954_140, 9_999_999_999] {
            assert!(is_ten_digit_time(t), "{t}");
        }
        for t in [0, 1, 999_999_999, 10_000_000_000, u64::MAX] {
            assert!(!is_ten_digit_time(t), "{t}");
        }
    }

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
