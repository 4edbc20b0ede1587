//! Ordering of stream status notifications. Huawei warns (seed 004) that a `PUBLISH_DONE` can
//! arrive before the `PUBLISH` of the same push session when a stream stops soon after it
//! started; both carry the same `publish_timestamp`, which identifies the session. A
//! [`StreamState`] is what a receiver keeps per stream (`domain`/`app`/`stream`): the
//! `publish_timestamp` of the newest session seen and whether that session is live or ended.
//!
//! The rules, for a verified event of session `t` on a stream in phase `p` at session `last`:
//!
//! | phase before     | event          | condition   | verdict | phase after   |
//! |------------------|----------------|-------------|---------|---------------|
//! | Unseen           | PUBLISH        |             | Live    | Live at `t`   |
//! | Unseen           | PUBLISH_DONE   |             | Ended   | Ended at `t`  |
//! | Live or Ended    | any            | `t < last`  | Stale   | unchanged     |
//! | Live or Ended    | PUBLISH        | `t > last`  | Live    | Live at `t`   |
//! | Live or Ended    | PUBLISH_DONE   | `t > last`  | Ended   | Ended at `t`  |
//! | Live             | PUBLISH        | `t == last` | Stale   | unchanged (a duplicate) |
//! | Live             | PUBLISH_DONE   | `t == last` | Ended   | Ended at `t`  |
//! | Ended            | PUBLISH        | `t == last` | Stale   | unchanged: the late `PUBLISH` of a session already ended |
//! | Ended            | PUBLISH_DONE   | `t == last` | Stale   | unchanged (a duplicate) |
//!
//! So a session's `PUBLISH_DONE` always wins over its own `PUBLISH`, whatever their order, and
//! an event of an older session never changes the stream. `publish_timestamp` has one-second
//! resolution: a stream pushed again within the same second as its previous push looks like
//! the same session (and a `PUBLISH` after that session's `PUBLISH_DONE` stays stale).
//!
//! `publish_timestamp` is not signed: `auth_sign` covers `event`, `domain`, `app`, `stream` and
//! `auth_timestamp` only. Whoever captures a notification can resend it, while its
//! `auth_timestamp` is still accepted, with another `publish_timestamp`: it verifies and has a
//! new event id. A far-future value becomes the stream's newest session, so every later genuine
//! event of the stream is `Stale` until the state is reset; a captured `PUBLISH` resent with a
//! value after its own session's (between that and its `auth_timestamp`, say) makes an ended
//! stream `Live`. Neither the event id nor this state can see it, as both go by
//! `publish_timestamp`. What does is a replay check on the signed fields,
//! [`crate::huawei::Notification::replay_id`]: keep the replay ids of accepted notifications
//! until their `auth_timestamp` + leeway has passed, and drop a notification whose replay id
//! is known (a redelivery, or a replay when its `publish_timestamp` differs). Refusing an event
//! whose `publish_timestamp` is after its `auth_timestamp` (Huawei stamps `auth_timestamp` when
//! it sends: 6 s after the push in its example) stops only the far-future case. Take
//! notifications over HTTPS only, and keep the leeway short.

use super::EventKind;
use crate::Error;

/// Where a stream stands after the events applied so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Phase {
    /// No event applied yet.
    #[default]
    Unseen,
    /// The newest session has started and not ended.
    Live,
    /// The newest session has ended.
    Ended,
}

/// What to do with an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// The stream is now live (a new session started).
    Live,
    /// The stream has now ended.
    Ended,
    /// The event is late or a duplicate: ignore it; the stream's state did not change.
    Stale,
}

/// The per-stream state a receiver keeps (16 bytes, `Copy`; store it anywhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct StreamState {
    phase: Phase,
    publish_timestamp: u64,
}

impl StreamState {
    /// A stream no event has been applied to.
    pub const fn new() -> Self {
        Self { phase: Phase::Unseen, publish_timestamp: 0 }
    }

    /// A state saved earlier ([`StreamState::phase`], [`StreamState::publish_timestamp`]).
    /// The timestamp of an `Unseen` state is ignored.
    pub const fn from_parts(phase: Phase, publish_timestamp: u64) -> Self {
        match phase {
            Phase::Unseen => Self::new(),
            _ => Self { phase, publish_timestamp },
        }
    }

    /// The phase.
    pub const fn phase(&self) -> Phase {
        self.phase
    }

    /// The `publish_timestamp` of the newest session seen (0 while `Unseen`).
    pub const fn publish_timestamp(&self) -> u64 {
        self.publish_timestamp
    }

    /// Applies a verified event of session `publish_timestamp` (the module documentation has
    /// the table) and returns the verdict.
    ///
    /// Errors: [`Error::InvalidArgument`] for [`EventKind::Unknown`] (the state is unchanged).
    pub fn apply(&mut self, kind: EventKind, publish_timestamp: u64) -> Result<Verdict, Error> {
        let (after, verdict) = match kind {
            EventKind::Unknown => return Err(Error::InvalidArgument),
            EventKind::Publish => (Phase::Live, Verdict::Live),
            EventKind::PublishDone => (Phase::Ended, Verdict::Ended),
        };
        let newer = self.phase == Phase::Unseen || publish_timestamp > self.publish_timestamp;
        let ends_current =
            publish_timestamp == self.publish_timestamp && self.phase == Phase::Live && kind == EventKind::PublishDone;
        if newer || ends_current {
            *self = Self { phase: after, publish_timestamp };
            Ok(verdict)
        } else {
            Ok(Verdict::Stale)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EventKind::*;

    fn at(phase: Phase, t: u64) -> StreamState {
        StreamState::from_parts(phase, t)
    }

    /// Every row of the module's table, with `last = 100`.
    #[test]
    fn every_transition() {
        let cases = [
            (StreamState::new(), Publish, 100, Verdict::Live, at(Phase::Live, 100)),
            (StreamState::new(), PublishDone, 100, Verdict::Ended, at(Phase::Ended, 100)),
            (StreamState::new(), Publish, 0, Verdict::Live, at(Phase::Live, 0)),
            (at(Phase::Live, 100), Publish, 99, Verdict::Stale, at(Phase::Live, 100)),
            (at(Phase::Live, 100), PublishDone, 99, Verdict::Stale, at(Phase::Live, 100)),
            (at(Phase::Ended, 100), Publish, 99, Verdict::Stale, at(Phase::Ended, 100)),
            (at(Phase::Ended, 100), PublishDone, 99, Verdict::Stale, at(Phase::Ended, 100)),
            (at(Phase::Live, 100), Publish, 101, Verdict::Live, at(Phase::Live, 101)),
            (at(Phase::Ended, 100), Publish, 101, Verdict::Live, at(Phase::Live, 101)),
            (at(Phase::Live, 100), PublishDone, 101, Verdict::Ended, at(Phase::Ended, 101)),
            (at(Phase::Ended, 100), PublishDone, 101, Verdict::Ended, at(Phase::Ended, 101)),
            (at(Phase::Live, 100), Publish, 100, Verdict::Stale, at(Phase::Live, 100)),
            (at(Phase::Live, 100), PublishDone, 100, Verdict::Ended, at(Phase::Ended, 100)),
            (at(Phase::Ended, 100), Publish, 100, Verdict::Stale, at(Phase::Ended, 100)),
            (at(Phase::Ended, 100), PublishDone, 100, Verdict::Stale, at(Phase::Ended, 100)),
        ];
        for (before, kind, t, verdict, after) in cases {
            let mut s = before;
            assert_eq!(s.apply(kind, t), Ok(verdict), "{before:?} + {kind:?}@{t}");
            assert_eq!(s, after, "{before:?} + {kind:?}@{t}");
        }
    }

    #[test]
    fn unknown_events_change_nothing() {
        for before in [StreamState::new(), at(Phase::Live, 5), at(Phase::Ended, 5)] {
            let mut s = before;
            assert_eq!(s.apply(Unknown, 9), Err(Error::InvalidArgument));
            assert_eq!(s, before);
        }
    }

    #[test]
    fn seed_004_out_of_order_pair() {
        // The session's PUBLISH_DONE arrives first: the stream ends, the late PUBLISH is stale.
        let mut s = StreamState::new();
        assert_eq!(s.apply(PublishDone, 1587954134), Ok(Verdict::Ended));
        assert_eq!(s.apply(Publish, 1587954134), Ok(Verdict::Stale));
        assert_eq!(s.phase(), Phase::Ended);
        // The next session goes live, and an old session's events cannot end it.
        assert_eq!(s.apply(Publish, 1587954200), Ok(Verdict::Live));
        assert_eq!(s.apply(PublishDone, 1587954134), Ok(Verdict::Stale));
        assert_eq!((s.phase(), s.publish_timestamp()), (Phase::Live, 1587954200));
        assert_eq!(StreamState::from_parts(Phase::Unseen, 7), StreamState::new());
    }
}
