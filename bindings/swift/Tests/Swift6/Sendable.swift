// Typechecked in the Swift 6 language mode by .ci/swift-test.sh, not run: the XCTest target
// builds in the Swift 5 mode, which does not diagnose a missing `Sendable`. Every public
// value can cross concurrency domains (a result handed out of a task), and so can a loaded
// key (one `HmacKey` shared by all requests).
import Livesign

func sendable<T: Sendable>(_: T.Type) {}

func everyPublicValueIsSendable() {
    sendable(LivesignError.self)
    sendable(HmacKey.self)
    sendable(Livesign.Huawei.EventKind.self)
    sendable(Livesign.Huawei.Fields.self)
    sendable(Livesign.Huawei.Event.self)
    sendable(Livesign.Huawei.Verdict.self)
    sendable(Livesign.Huawei.Stream.self)
    sendable(Livesign.Huawei.Stream.State.self)
    sendable(Livesign.Huawei.Record.Fields.self)
    sendable(Livesign.Huawei.TimeFormat.self)
    sendable(Livesign.Huawei.SparkRTC.Unit.self)
    sendable(Livesign.Tencent.API.Command.self)
    sendable(Livesign.Tencent.API.ParamKind.self)
    sendable(Livesign.Tencent.API.Param.self)
    sendable(Livesign.Tencent.API.Response.self)
    sendable(Livesign.Tencent.Callback.EventType.self)
    sendable(Livesign.Tencent.Callback.Event.self)
    sendable(Livesign.Tencent.ErrorSource.self)
    sendable(Livesign.Tencent.ErrorCategory.self)
    sendable(Livesign.Tencent.Retry.self)
    sendable(Livesign.Tencent.ErrorInfo.self)
    sendable(Livesign.Tencent.StreamURL.Kind.self)
    sendable(Livesign.Tencent.StreamURL.Info.self)
    sendable(Livesign.Tencent.StreamURL.TxTimeForm.self)
    sendable(Livesign.Trtc.ActionStatus.self)
    sendable(Livesign.Trtc.ErrorCategory.self)
    sendable(Livesign.Trtc.Retry.self)
    sendable(Livesign.Trtc.RestResponse.self)
    sendable(Livesign.Trtc.UserSig.Info.self)
    sendable(Livesign.Trtc.PrivateMapKey.Privileges.self)
    sendable(Livesign.Trtc.PrivateMapKey.Room.self)
    sendable(Livesign.Trtc.PrivateMapKey.Info.self)
}

// A key loaded once at start-up, used from any task.
let sharedKey = try? HmacKey(key: "0123456789abcdefghijklmnopqrstuvWXYZ")
