/* The system ICU (libicu-dev). Swift code never imports this module: only the
   C target CICUShim includes ICU's headers; this module supplies the pkg-config
   flags and the libraries to link. */
#include <unicode/utypes.h>
