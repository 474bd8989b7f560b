#ifndef CICU_SHIM_H
#define CICU_SHIM_H
/*
 * The only door to ICU. This header mentions no ICU type: ICU objects are
 * opaque pointers, errors are ICU's UErrorCode values as int32_t (> 0 is a
 * failure, < 0 a warning), text is UTF-16 as uint16_t. Only shim.c includes
 * ICU's headers, so no Swift module ever sees them (Foundation ships its own
 * ICU, and a Swift file that saw both would not compile).
 */
#include <stdint.h>

#define CICU_DONE (-1)
#define CICU_BUFFER_OVERFLOW_ERROR 15

enum { CICU_BREAK_WORD = 1, CICU_BREAK_SENTENCE = 3 };
enum { CICU_NFKC = 0, CICU_NFKC_CASEFOLD = 1 };
enum { CICU_SCRIPT_COMMON = 0, CICU_SCRIPT_INHERITED = 1, CICU_SCRIPT_HAN = 17, CICU_SCRIPT_LATIN = 25, CICU_SCRIPT_INVALID = -1 };

const char *cicu_error_name(int32_t status);
void cicu_version(uint8_t out[4]);

void *cicu_break_open(int32_t type, const char *locale, int32_t *status);
void *cicu_break_clone(const void *iterator, int32_t *status);
void cicu_break_close(void *iterator);
void cicu_break_set_text(void *iterator, const uint16_t *text, int32_t length, int32_t *status);
int32_t cicu_break_first(void *iterator);
int32_t cicu_break_next(void *iterator);
int32_t cicu_break_rule_status(void *iterator);

void *cicu_transliterator_open(const uint16_t *id, int32_t idLength, const uint16_t *rules, int32_t rulesLength,
                               int32_t *parseLine, int32_t *parseOffset, int32_t *status);
void *cicu_transliterator_clone(const void *transliterator, int32_t *status);
void cicu_transliterator_close(void *transliterator);
/* Transliterates text[0..<length] in place; returns the new length (may exceed capacity on overflow). */
/// The characters the transliterator may change, as ranges (start, end, inclusive) in
/// `ranges` (room for `capacity` of them); returns how many there are.
int32_t cicu_transliterator_source_ranges(const void *transliterator, int32_t *ranges, int32_t capacity, int32_t *status);
int32_t cicu_transliterate(const void *transliterator, uint16_t *text, int32_t length, int32_t capacity, int32_t *status);

void *cicu_collator_open(const char *locale, int32_t *status);
void cicu_collator_close(void *collator);
int32_t cicu_collator_compare(const void *collator, const uint16_t *a, int32_t aLength, const uint16_t *b, int32_t bLength);
int32_t cicu_collator_sort_key(const void *collator, const uint16_t *text, int32_t length, uint8_t *key, int32_t capacity);

int32_t cicu_normalize(int32_t form, const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity, int32_t *status);
int32_t cicu_is_normalized(int32_t form, const uint16_t *source, int32_t length, int32_t *status);

int32_t cicu_script(uint32_t codePoint);

#endif
