#include "CICUBaseline.h"
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

int64_t cicu_baseline_word_tokens(const char *utf8, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t units = 0;
    u_strFromUTF8(NULL, 0, &units, utf8, (int32_t)length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return -1;
    status = U_ZERO_ERROR;
    UChar *text = malloc(sizeof(UChar) * (size_t)(units + 1));
    u_strFromUTF8(text, units + 1, NULL, utf8, (int32_t)length, &status);
    if (U_FAILURE(status)) { free(text); return -1; }
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "zh", text, units, &status);
    if (U_FAILURE(status)) { free(text); return -1; }
    int64_t tokens = 0;
    int64_t statusSum = 0;
    ubrk_first(bi);
    for (int32_t end = ubrk_next(bi); end != UBRK_DONE; end = ubrk_next(bi)) {
        statusSum += ubrk_getRuleStatus(bi);
        tokens++;
    }
    ubrk_close(bi);
    free(text);
    return statusSum >= 0 ? tokens : -1;
}
