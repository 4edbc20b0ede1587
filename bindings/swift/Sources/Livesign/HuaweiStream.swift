import CLivesign

extension Livesign.Huawei {
    /// What an event means for its stream (the raw values are the C `LIVESIGN_HUAWEI_STREAM_...`).
    public enum Verdict: UInt32, Sendable {
        /// The stream is now live.
        case live = 1
        /// The stream has now ended.
        case ended = 2
        /// Late or duplicate: ignore it (nothing changed).
        case stale = 3
    }

    /// The ordering state a receiver keeps per stream (`domain`/`app`/`stream`): notifications
    /// can arrive out of order (a session's `PUBLISH_DONE` before its own `PUBLISH`). A plain
    /// value: store `state` and `publishTimestamp` and rebuild it from them; serialise the
    /// updates of one stream.
    public struct Stream: Hashable, Sendable {
        /// Where the stream is, as far as its notifications tell (the raw values are the C
        /// `LIVESIGN_HUAWEI_STREAM_...`).
        public enum State: UInt32, Sendable {
            /// No event applied yet.
            case unseen = 0
            /// Its newest session started and has not ended.
            case live = 1
            /// Its newest session ended.
            case ended = 2
        }

        public private(set) var state: State
        /// `publish_timestamp` of the newest session seen (0 while `.unseen`).
        public private(set) var publishTimestamp: UInt64

        public init(state: State = .unseen, publishTimestamp: UInt64 = 0) {
            self.state = state
            self.publishTimestamp = publishTimestamp
        }

        /// Applies a verified event of this stream: a newer session always wins, an older one's
        /// events are `.stale`, and within a session `PUBLISH_DONE` wins (a late `PUBLISH` never
        /// revives an ended session). Throws `.invalidArgument` for an `.unknown` event,
        /// `.malformed` when the event has no numeric `publish_timestamp`; the state is then
        /// unchanged. `publish_timestamp` is not signed: a captured notification resent with
        /// another one verifies, so drop notifications whose `replayID` is known before
        /// applying them (see livesign_huawei_stream_apply).
        public mutating func apply(_ event: Event) throws -> Verdict {
            var c = livesign_huawei_stream(publish_timestamp: publishTimestamp, state: state.rawValue)
            // The ordering reads only the kind and the publish time of the event.
            var e = livesign_huawei_event()
            e.event = event.kind.rawValue
            e.publish_time = event.publishTime ?? 0
            e.publish_time_valid = event.publishTime == nil ? 0 : 1
            var verdict: UInt32 = 0
            try LivesignError.check(livesign_huawei_stream_apply(&c, &e, &verdict))
            guard let after = State(rawValue: c.state), let v = Verdict(rawValue: verdict) else { throw LivesignError.internal }
            state = after
            publishTimestamp = c.publish_timestamp
            return v
        }
    }
}
