import CLivesign

extension Livesign.Tencent {
    /// Where a catalog error shows up.
    public enum ErrorSource: UInt32, Sendable {
        /// An HTTP status (403, 404).
        case http = 1
        /// A bare message ("sign invalid", ...).
        case message = 2
        /// A `ret` / `retcode` value.
        case code = 3
    }

    /// What kind of problem a catalog error is.
    public enum ErrorCategory: UInt32, Sendable {
        case success = 0, noData, auth, notActivated, invalidRequest, rateLimit, server, streamState
    }

    /// Whether retrying can help: never, after a growing delay, after signing again with a
    /// later `t`, or once the stream's state changed.
    public enum Retry: UInt32, Sendable {
        case never = 0, backoff, resign, later
    }

    /// One entry of the CSS error catalog.
    public struct ErrorInfo: Equatable, Sendable {
        public let source: ErrorSource
        public let category: ErrorCategory
        public let retry: Retry
        /// The HTTP status or return code; 0 for message entries.
        public let code: Int64
        /// The cloud's own text ("" when the docs give none).
        public let message: String
        /// What it means and what to do.
        public let meaning: String

        init?(_ entry: UnsafePointer<livesign_tencent_error_info>?) {
            guard let e = entry?.pointee, let source = ErrorSource(rawValue: e.source),
                  let category = ErrorCategory(rawValue: e.category), let retry = Retry(rawValue: e.retry)
            else { return nil }
            self.source = source
            self.category = category
            self.retry = retry
            code = e.code
            message = String(cString: e.message)
            meaning = String(cString: e.meaning)
        }
    }

    /// The catalog entry of a `ret` / `retcode` (0, 1000, ..., 20601); nil when unknown.
    public static func errorInfo(code: Int64) -> ErrorInfo? { ErrorInfo(livesign_tencent_error_by_code(code)) }

    /// The catalog entry of an HTTP status (403, 404); nil when unknown.
    public static func errorInfo(httpStatus: UInt32) -> ErrorInfo? {
        ErrorInfo(livesign_tencent_error_by_http_status(httpStatus))
    }

    /// The catalog entry of a message ("sign invalid", ...; ASCII case and surrounding
    /// whitespace ignored); nil when unknown.
    public static func errorInfo(message: String) -> ErrorInfo? {
        ErrorInfo(withBytes(message) { livesign_tencent_error_by_message($0, $1) })
    }
}
