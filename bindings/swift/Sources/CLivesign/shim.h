/* The generated C header, from the repository's include/ (one source of truth). */
#include "../../../../include/livesign.h"
