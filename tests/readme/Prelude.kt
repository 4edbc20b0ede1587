// What the README's Kotlin example takes from the reader's program; .ci/kotlin-test.sh compiles
// the example (extracted by .ci/readme-snippets.sh) with this file against the wrapper.

import io.livesign.Huawei

val callbackKey = "callback-key"
val requestBody = "{}".toByteArray()
val pushKey = "push-key"
val playKey = "play-key"
val backupKey = "backup-key"
val requestUrl = "rtmp://push.example.com/live/room_42"
val notifyKey = "0123456789abcdef0123456789abcdef"
val secretKey = "secret-key"
val seen = HashSet<String>()
val streams = HashMap<Triple<String, String, String>, Huawei.Stream>()
fun reply403(message: String?) = println(message)
fun onLive(stream: String) = println(stream)
fun onEnded(stream: String) = println(stream)
