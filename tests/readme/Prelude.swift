// What the README's Swift example takes from the reader's program; .ci/swift-test.sh
// typechecks the example (extracted by .ci/readme-snippets.sh) with this file against the
// Livesign module it just built.
import Foundation
import Livesign

let callbackKey = "callback-key"
let requestBody = Data("{}".utf8)
let pushKey = "push-key"
let notifyKey = "0123456789abcdef0123456789abcdef"
let secretKey = "secret-key"
var streams: [[Data]: Livesign.Huawei.Stream] = [:]
var seen = Set<String>()
func onEnded(_ stream: String) { print(stream) }
