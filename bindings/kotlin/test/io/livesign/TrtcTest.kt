package io.livesign

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

class TrtcTest {
    private val body = "{\n\t\"EventGroupId\":\t1,\n\t\"EventType\":\t103,\n\t\"CallbackTs\":\t1615554923704,\n\t\"EventInfo\":\t{\n\t\t\"RoomId\":\t12345,\n\t\t\"EventTs\":\t1608441737,\n\t\t\"UserId\":\t\"test\",\n\t\t\"UniqueId\":\t1615554922656,\n\t\t\"Role\":\t20,\n\t\t\"Reason\":\t1\n\t}\n}".toByteArray()
    private val sign = "IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Uo="

    @Test fun restUrl() {
        assertEquals(
            "https://console.tim.qq.com/v4/group_open_http_svc/create_group?sdkappid=1400000000&identifier=admin&usersig=eJw*-A__&random=99999999&contenttype=json",
            Trtc.restUrl("group_open_http_svc", "create_group", 1400000000L, "admin", "eJw*-A__", 99999999))
        assertStatus<LiveSignException.InvalidArgument> { Trtc.restUrl("a/b", "c", 1, "a", "eJw_", 1) }
        // The longest URL: names at 256 bytes, the identifier all percent-encoded, the longest
        // UserSig, a 20-digit sdkappid (-1L is 2^64 - 1) and a 10-digit random (-1 is 2^32 - 1).
        // The host: DNS allows no label over 63 characters and no name over 253, so labels and a port.
        val name = "n".repeat(256)
        val host = "${"h".repeat(63)}.${"h".repeat(63)}.${"h".repeat(63)}.${"h".repeat(61)}:80"
        assertEquals(256, host.length)
        val longest = Trtc.restUrl(name, name, -1L, " ".repeat(256), "A".repeat(Trtc.UserSig.MAX_LEN), -1, host)
        assertEquals(Trtc.REST_URL_MAX_LEN, longest.length)
        // random is the C uint32_t's bits: the upper half of its range is the negative Ints.
        for ((random, text) in listOf(-1 to "4294967295", Int.MIN_VALUE to "2147483648", Int.MAX_VALUE to "2147483647")) {
            assertTrue(Trtc.restUrl("s", "c", 1L, "a", "eJw_", random).endsWith("&random=$text&contenttype=json"))
        }
    }

    @Test fun envelope() {
        val ok = """{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"RequestId":"Id-1","GroupId":"@TGS#1"}"""
        assertEquals(Trtc.RestResponse(Trtc.ActionStatus.OK, 0, "", "Id-1"), Trtc.parseResponse(ok))
        assertTrue(Trtc.parseResponse(ok).isOk)
        assertEquals("\"@TGS#1\"", Trtc.responseField(ok, "GroupId"))
        assertNull(Trtc.responseField(ok, "Absent"))
        val fail = Trtc.parseResponse("""{"ActionStatus":"FAIL","ErrorInfo":"rate limited","ErrorCode":60007,"RequestId":"x"}""")
        assertFalse(fail.isOk)
        assertEquals("rate limited", fail.errorInfo)
        assertEquals(Trtc.Retry.BACKOFF, Trtc.errorRetry(60007))
        assertEquals(Trtc.ErrorCategory.RATE_LIMIT, Trtc.errorCategory(60007))
        assertEquals(Trtc.Retry.NEVER, Trtc.errorRetry(60003))
        assertTrue(Trtc.errorMessage(60003).isNotEmpty())
        // Chat's account_import answers without RequestId: it reads as empty.
        assertEquals(Trtc.RestResponse(Trtc.ActionStatus.OK, 0, "", ""), Trtc.parseResponse("""{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}"""))
        assertStatus<LiveSignException.Malformed> { Trtc.parseResponse("""{"ActionStatus":"OK"}""") }
        // ErrorInfo and RequestId come back unescaped, like every parsed text of the Kotlin API.
        val escaped = Trtc.parseResponse("""{"ActionStatus":"FAIL","ErrorInfo":"bad \"UserID\" \u00e9\n","ErrorCode":70107,"RequestId":"a\/b"}""")
        assertEquals("bad \"UserID\" \u00e9\n", escaped.errorInfo)
        assertEquals("a/b", escaped.requestId)
    }

    @Test fun callback() {
        assertEquals(44, Trtc.Callback.SIGN_LEN)
        assertEquals(sign, Trtc.Callback.sign("123654", body))
        Trtc.Callback.verify("123654", body, sign)
        HmacKey("123654").use { key ->
            assertEquals(sign, Trtc.Callback.sign(key, body))
            Trtc.Callback.verify(key, body, sign)
        }
        val tampered = body.copyOf().also { it[5] = (it[5].toInt() xor 1).toByte() }
        assertStatus<LiveSignException.SignatureMismatch> { Trtc.Callback.verify("123654", tampered, sign) }
        assertEquals(1, Trtc.Callback.verifyRing(listOf("oldkey1", "123654"), body, sign))
        HmacKey("oldkey1").use { old ->
            HmacKey("123654").use { current ->
                assertEquals(1, Trtc.Callback.verifyRing(listOf(old, current), body, sign))
                assertStatus<LiveSignException.SignatureMismatch> { Trtc.Callback.verifyRing(listOf(old), body, sign) }
                assertStatus<LiveSignException.InvalidArgument> {
                    Trtc.Callback.verifyRing(emptyList<HmacKey>(), body, sign)
                }
            }
        }
        assertStatus<LiveSignException.InvalidKey> { Trtc.Callback.checkKey("has space") }
        assertEquals(1615554923704L, Trtc.Callback.checkTime(body, now = 1615554933L))
        assertStatus<LiveSignException.Expired> { Trtc.Callback.checkTime(body, now = 1615555224L) }
        // A closed key is refused, not a crash.
        val closed = HmacKey("123654").also { it.close() }
        assertStatus<LiveSignException.InvalidArgument> { Trtc.Callback.verify(closed, body, sign) }
    }
}
