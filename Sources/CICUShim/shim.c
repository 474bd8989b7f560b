#include "CICUShim.h"
#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/ubrk.h>
#include <unicode/utrans.h>
#include <unicode/uset.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

void cicu_version(uint8_t out[4]) {
    UVersionInfo info;
    u_getVersion(info);
    for (int i = 0; i < 4; i++) out[i] = info[i];
}

void *cicu_break_open(int32_t type, const char *locale, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open((UBreakIteratorType)type, locale, NULL, 0, &st);
    *status = st;
    return bi;
}

void *cicu_break_clone(const void *iterator, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_clone((const UBreakIterator *)iterator, &st);
    *status = st;
    return bi;
}

void cicu_break_close(void *iterator) { ubrk_close((UBreakIterator *)iterator); }

void cicu_break_set_text(void *iterator, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)iterator, (const UChar *)text, length, &st);
    *status = st;
}

int32_t cicu_break_first(void *iterator) { return ubrk_first((UBreakIterator *)iterator); }
int32_t cicu_break_next(void *iterator) { return ubrk_next((UBreakIterator *)iterator); }
int32_t cicu_break_rule_status(void *iterator) { return ubrk_getRuleStatus((UBreakIterator *)iterator); }

void *cicu_transliterator_open(const uint16_t *id, int32_t idLength, const uint16_t *rules, int32_t rulesLength,
                               int32_t *parseLine, int32_t *parseOffset, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    pe.line = 0;
    pe.offset = 0;
    UTransliterator *t = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD,
                                      (const UChar *)rules, rules ? rulesLength : -1, &pe, &st);
    *parseLine = pe.line;
    *parseOffset = pe.offset;
    *status = st;
    return t;
}

void *cicu_transliterator_clone(const void *transliterator, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UTransliterator *t = utrans_clone((const UTransliterator *)transliterator, &st);
    *status = st;
    return t;
}

void cicu_transliterator_close(void *transliterator) { utrans_close((UTransliterator *)transliterator); }

int32_t cicu_transliterator_source_ranges(const void *transliterator, int32_t *ranges, int32_t capacity, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    USet *set = uset_openEmpty();
    utrans_getSourceSet((const UTransliterator *)transliterator, 0, set, &st);
    int32_t count = 0;
    if (U_SUCCESS(st)) {
        int32_t items = uset_getItemCount(set);
        for (int32_t i = 0; i < items && U_SUCCESS(st); i++) {
            UChar32 start = 0, end = 0;
            if (uset_getItem(set, i, &start, &end, NULL, 0, &st) != 0) continue;  /* a string, not a range */
            if (count < capacity) {
                ranges[2 * count] = start;
                ranges[2 * count + 1] = end;
            }
            count++;
        }
    }
    uset_close(set);
    *status = st;
    return count;
}

int32_t cicu_transliterate(const void *transliterator, uint16_t *text, int32_t length, int32_t capacity, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars((const UTransliterator *)transliterator, (UChar *)text, &textLength, capacity, 0, &limit, &st);
    *status = st;
    return textLength;
}

void *cicu_collator_open(const char *locale, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UCollator *c = ucol_open(locale, &st);
    *status = st;
    return c;
}

void cicu_collator_close(void *collator) { ucol_close((UCollator *)collator); }

int32_t cicu_collator_compare(const void *collator, const uint16_t *a, int32_t aLength, const uint16_t *b, int32_t bLength) {
    return ucol_strcoll((const UCollator *)collator, (const UChar *)a, aLength, (const UChar *)b, bLength);
}

int32_t cicu_collator_sort_key(const void *collator, const uint16_t *text, int32_t length, uint8_t *key, int32_t capacity) {
    return ucol_getSortKey((const UCollator *)collator, (const UChar *)text, length, key, capacity);
}

static const UNormalizer2 *normalizer(int32_t form, UErrorCode *st) {
    return form == CICU_NFKC_CASEFOLD ? unorm2_getNFKCCasefoldInstance(st) : unorm2_getNFKCInstance(st);
}

int32_t cicu_normalize(int32_t form, const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &st);
    if (U_FAILURE(st)) { *status = st; return 0; }
    int32_t result = unorm2_normalize(n, (const UChar *)source, length, (UChar *)destination, capacity, &st);
    *status = st;
    return result;
}

int32_t cicu_is_normalized(int32_t form, const uint16_t *source, int32_t length, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &st);
    if (U_FAILURE(st)) { *status = st; return 0; }
    UBool result = unorm2_isNormalized(n, (const UChar *)source, length, &st);
    *status = st;
    return result ? 1 : 0;
}

int32_t cicu_script(uint32_t codePoint) {
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)codePoint, &st);
    return U_FAILURE(st) ? CICU_SCRIPT_INVALID : (int32_t)code;
}
