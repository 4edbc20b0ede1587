/* A minimal outside consumer of an installed livesign, built by .ci/packaging.sh with
 * `pkg-config --cflags --libs livesign` (shared) and with livesign.pc's `staticlib` and
 * `native_libs` variables (static): proves the installed header, library and livesign.pc
 * work together. */
#include <livesign.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    static const uint8_t key[] = "5d41402abc4b2a76b9719d911017c592";
    uint8_t sign[LIVESIGN_TENCENT_SIGN_LEN];
    if (livesign_abi_version() != LIVESIGN_ABI_VERSION) return 1;
    if (livesign_tencent_sign(key, 32, 1471850187u, sign) != LIVESIGN_OK) return 1;
    if (memcmp(sign, "b17971b51ba0fe5916ddcd96692e9fb3", 32) != 0) return 1;
    printf("pkg-config consumer: livesign %s, sign %.32s\n", livesign_version(), (const char *)sign);
    return 0;
}
