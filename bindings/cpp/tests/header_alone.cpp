// livesign.hpp must compile as the first and only include.
#include "livesign.hpp"
